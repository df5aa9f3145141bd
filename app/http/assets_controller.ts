import type { HttpContext } from '@adonisjs/core/http'
import { assetAt } from '#http/assets'

export default class AssetsController {
  show({ request, response }: HttpContext) {
    const asset = assetAt(request.url())
    if (!asset) return response.notFound('')

    const accepted = request.header('accept-encoding') ?? ''
    response.header('Content-Type', asset.contentType)
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('Vary', 'Accept-Encoding')
    // Already compressed here; the compression middleware leaves encoded responses alone.
    if (/\bbr\b/.test(accepted)) {
      response.header('Content-Encoding', 'br')
      return response.send(asset.brotli)
    }
    if (/\bgzip\b/.test(accepted)) {
      response.header('Content-Encoding', 'gzip')
      return response.send(asset.gzip)
    }
    return response.send(asset.body)
  }
}
