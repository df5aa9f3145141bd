import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import { Exception } from '@adonisjs/core/exceptions'
import { downloadableTemplate } from '#catalog/actions/manage_form_templates'
import { attachmentDisposition } from '#catalog/services/file_content'

/**
 * OL-7: downloading a form template, with its original (Vietnamese) name. Templates of published
 * procedures are public; those of drafts only for admins; anything else is not found.
 */
export default class FormTemplateDownloadsController {
  async show({ params, response, bouncer }: HttpContext) {
    const canSeeDrafts = await bouncer.allows('editCatalog')
    const template = await downloadableTemplate(params.id, canSeeDrafts)
    if (!template) throw new Exception('Form template not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    const stream = await drive.use('files').getStream(template.fileKey)
    response.header('Content-Type', template.mimeType)
    response.header('Content-Length', String(template.sizeBytes))
    response.header('Content-Disposition', attachmentDisposition(template.originalName))
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', template.procedure.isPublished ? 'public, max-age=300' : 'private, no-store')
    response.header('ETag', `"${template.checksumSha256}"`)
    return response.stream(stream)
  }
}
