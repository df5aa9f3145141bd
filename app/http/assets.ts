/*
 * Front-end files served from installed packages and resources/, under names that carry a hash
 * of their content, so browsers may keep them for a year and a changed file gets a new name.
 * Each file is read and compressed once, at the first request.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import app from '@adonisjs/core/services/app'

interface Asset {
  publicPath: string
  contentType: string
  body: Buffer
  gzip: Buffer
  brotli: Buffer
}

const SOURCES: Record<string, string> = {
  'htmx.js': 'node_modules/htmx.org/dist/htmx.min.js',
  'alpine.js': 'node_modules/@alpinejs/csp/dist/cdn.min.js',
  'app.js': 'resources/js/app.js',
  'app.css': 'resources/css/app.css',
  'apply.js': 'resources/js/apply.js',
  'apply.css': 'resources/css/apply.css',
}

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
}

let byName: Map<string, Asset> | undefined
let byPublicPath: Map<string, Asset> | undefined

function load() {
  if (byName && byPublicPath) return { byName, byPublicPath }
  byName = new Map()
  byPublicPath = new Map()
  for (const [name, source] of Object.entries(SOURCES)) {
    const body = readFileSync(app.makePath(source))
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
    const [base, extension] = name.split('.')
    const asset: Asset = {
      publicPath: `/assets/${base}.${hash}.${extension}`,
      contentType: CONTENT_TYPES[extension],
      body,
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    }
    byName.set(name, asset)
    byPublicPath.set(asset.publicPath, asset)
  }
  return { byName, byPublicPath }
}

/** The fingerprinted URL of an asset, for templates. */
export function assetUrl(name: string): string {
  const asset = load().byName.get(name)
  if (!asset) throw new Error(`Unknown asset ${name}`)
  return asset.publicPath
}

export function assetAt(publicPath: string): Asset | undefined {
  return load().byPublicPath.get(publicPath)
}
