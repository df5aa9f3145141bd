import type { HttpContext } from '@adonisjs/core/http'
import { dossierApplicationFormPdf } from '#intake/documents/application_form'
import { sendFile } from '#intake/documents/send_file'

/** OS-12.2: the application form of a dossier filed online, printed with the applicant's data. */
export default class ApplicationFormsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.authorize('useOneStop')
    const form = await dossierApplicationFormPdf(ctx.params.id)
    return sendFile(ctx, form.pdf, { type: 'pdf', name: `to-khai-${form.code}.pdf`, inline: true })
  }
}
