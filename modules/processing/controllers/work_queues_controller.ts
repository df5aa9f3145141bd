import type { HttpContext } from '@adonisjs/core/http'
import { countQueues, listDossiers, QUEUES, type QueueName } from '#processing/services/queues'

/** The queues in the address bar, in Vietnamese. */
const SLUGS: Record<QueueName, string> = {
  to_process: 'can-xu-ly',
  supplement_requested: 'yeu-cau-bo-sung',
  supplemented: 'da-bo-sung',
  took_part: 'da-tham-gia',
}

/** GET /mot-cua/viec-cua-toi?hang=…&trang=… — the officer's work queues (OS-8.1, OS-8.3). */
export default class WorkQueuesController {
  async index({ view, bouncer, auth, request }: HttpContext) {
    await bouncer.authorize('useOneStop')
    const officer = auth.user!
    const slug = String(request.input('hang', SLUGS.to_process))
    const queue = QUEUES.find((name) => SLUGS[name] === slug) ?? 'to_process'
    const page = Number(request.input('trang', 1)) || 1
    const counts = await countQueues(officer)
    const list = await listDossiers(officer, queue, { page })
    return view.render('processing::queues/index', {
      queue,
      tabs: QUEUES.map((name) => ({ name, slug: SLUGS[name], count: counts[name] })),
      list,
      hrefOf: (number: number) => `/mot-cua/viec-cua-toi?hang=${SLUGS[queue]}&trang=${number}`,
    })
  }
}
