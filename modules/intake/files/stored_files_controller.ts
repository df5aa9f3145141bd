import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { attachmentDisposition } from '#catalog/index'
import { readableStoredFile } from '#intake/files/file_access'
import { readStoredFile, streamStoredFile } from '#intake/files/stored_files'
import { viewOf } from '#intake/files/file_viewer'
import type StoredFile from '#intake/files/stored_file'

/**
 * Nothing a file contains may run in the app's origin: converted documents and pictures get a
 * CSP that forbids scripts and every fetch, in a sandbox of their own origin. PDF is the
 * exception to the sandbox: Chromium refuses to start its PDF viewer in a sandboxed document
 * ("This page has been blocked"), and the viewer runs the file in its own process anyway; the
 * viewer's page needs its inline styles. `nosniff` and the exact type keep a PDF a PDF.
 */
const VIEW_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
const IMAGE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
const PDF_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/** A dossier file, downloaded (`/tep/:id`) or viewed in the browser (`/tep/:id/xem`, NF-24). */
export default class StoredFilesController {
  async download(ctx: HttpContext) {
    const file = await this.readable(ctx)
    const { response } = ctx
    this.fileHeaders(ctx, file)
    response.header('Content-Disposition', attachmentDisposition(file.originalName))
    return response.stream(await streamStoredFile(file))
  }

  async view(ctx: HttpContext) {
    const file = await this.readable(ctx)
    const { response, view } = ctx
    const shown = await viewOf(file, () => readStoredFile(file))
    if (shown.kind === 'inline') {
      this.fileHeaders(ctx, file)
      response.header('Content-Disposition', attachmentDisposition(file.originalName, { inline: true }))
      response.header('Content-Security-Policy', file.fileType === 'pdf' ? PDF_CSP : IMAGE_CSP)
      return response.stream(await streamStoredFile(file))
    }
    response.header('Cache-Control', 'private, no-store')
    response.header('Content-Security-Policy', VIEW_CSP)
    response.header('X-Content-Type-Options', 'nosniff')
    return view.render('intake::files/view', { file, shown, downloadHref: `/tep/${file.id}` })
  }

  private async readable({ params, auth, bouncer }: HttpContext) {
    const file = await readableStoredFile(Number(params.id), {
      user: auth.user,
      usesOneStop: await bouncer.allows('useOneStop'),
    })
    if (!file) throw new Exception('File not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    return file
  }

  private fileHeaders({ response }: HttpContext, file: StoredFile) {
    response.header('Content-Type', file.mediaType)
    response.header('Content-Length', String(file.sizeBytes))
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', 'private, no-store')
    response.header('ETag', `"${file.sha256}"`)
  }
}
