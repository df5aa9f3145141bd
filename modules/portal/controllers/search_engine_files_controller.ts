import type { HttpContext } from '@adonisjs/core/http'
import { publicUrl } from '#http/public_url'
import { publishedServicesForSitemap, sectorsWithServices } from '#portal/services/service_search'
import { sectorPath, servicePath } from '#portal/services/service_urls'

function xmlEscape(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** NF-2, OL-11a: what search engines need to find every service of the tenant. */
export default class SearchEngineFilesController {
  /** `/sitemap.xml`: the home page, the catalogue, each sector and every published service, on the tenant's host. */
  async sitemap(ctx: HttpContext) {
    const services = await publishedServicesForSitemap()
    const sectors = await sectorsWithServices()
    const entries: { loc: string; lastmod?: string }[] = [
      { loc: publicUrl(ctx, '/') },
      { loc: publicUrl(ctx, '/dich-vu-cong') },
      ...sectors.map((sector) => ({ loc: publicUrl(ctx, sectorPath(sector)) })),
      ...services.map((service) => ({
        loc: publicUrl(ctx, servicePath(service)),
        lastmod: service.updatedAt?.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined,
      })),
    ]
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      entries
        .map((entry) => `  <url><loc>${xmlEscape(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`)
        .join('\n') +
      '\n</urlset>\n'
    ctx.response.header('Content-Type', 'application/xml; charset=utf-8')
    ctx.response.header('Cache-Control', 'public, max-age=3600')
    return body
  }

  /** `/robots.txt`: the portal is open to crawlers; the officers' and accounts' pages are not for them. */
  async robots(ctx: HttpContext) {
    ctx.response.header('Content-Type', 'text/plain; charset=utf-8')
    ctx.response.header('Cache-Control', 'public, max-age=3600')
    return [
      'User-agent: *',
      'Disallow: /quan-tri',
      'Disallow: /mot-cua',
      'Disallow: /tai-khoan',
      'Disallow: /ho-so-cua-toi',
      'Disallow: /dang-nhap',
      'Disallow: /dang-ky',
      'Disallow: /mau-don/',
      'Allow: /',
      '',
      `Sitemap: ${publicUrl(ctx, '/sitemap.xml')}`,
      '',
    ].join('\n')
  }
}
