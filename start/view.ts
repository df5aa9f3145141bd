import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { assetUrl } from '#http/assets'
import { formatDate, formatDateTime, formatTime } from '#services/vietnamese_format'
import { formatMoney } from '#services/money_format'
import { newNoticeCount } from '#portal/index'

for (const module of ['users', 'catalog', 'intake', 'processing', 'reporting', 'portal', 'integration']) {
  edge.mount(module, app.makePath('modules', module, 'views'))
}

edge.global('asset', assetUrl)
edge.global('formatDate', formatDate)
edge.global('formatDateTime', formatDateTime)
edge.global('formatTime', formatTime)
edge.global('formatMoney', formatMoney)
edge.global('newNoticeCount', newNoticeCount)
