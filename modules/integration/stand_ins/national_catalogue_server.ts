/*
 * A local stand-in for the national shared catalogue system (Hệ thống danh mục điện tử dùng
 * chung, GR-6, OS-16.1), which cannot be reached from here. It speaks the HTTP/JSON protocol
 * documented in modules/catalog/docs/national_catalogue_protocol.md: every change to an entry
 * gets a new, increasing version; clients ask for the changes since the last version they saw,
 * a page at a time, and removed entries come back as tombstones (`deleted: true`).
 *
 * Tests start it on a random port and change its data between syncs; `fault` makes it misbehave
 * (garbage, wrong shape, 503, no answer) the way a real remote system can. Run it on its own with
 *   node --import=@poppinss/ts-exec modules/integration/stand_ins/national_catalogue_server.ts
 * (port from NATIONAL_CATALOGUE_PORT, default 4545) to sync the demo tenants against it.
 */
import type { ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import { StandInServer, integerParameter, json } from '#integration/stand_ins/stand_in_server'

export interface StandInEntry {
  code: string
  name: string
  version: number
  deleted: boolean
}

interface StandInCatalogue {
  code: string
  name: string
  kind: string
  entries: Map<string, StandInEntry>
}

export interface CatalogueSeed {
  name: string
  kind?: string
  entries: [code: string, name: string][]
}

export const DEFAULT_PAGE_SIZE = 500
export const MAX_PAGE_SIZE = 1000

export class NationalCatalogueStandIn extends StandInServer {
  protected readonly badShape = { data: 'ok', items: null }

  #catalogues = new Map<string, StandInCatalogue>()
  #version = 0

  constructor(seed: Record<string, CatalogueSeed> = {}) {
    super()
    for (const [code, catalogue] of Object.entries(seed)) {
      this.addCatalogue(code, catalogue.name, catalogue.kind)
      for (const [entryCode, name] of catalogue.entries) this.upsertEntry(code, entryCode, name)
    }
  }

  addCatalogue(code: string, name: string, kind = 'document_types') {
    if (!this.#catalogues.has(code)) this.#catalogues.set(code, { code, name, kind, entries: new Map() })
  }

  /** Adds an entry, or renames it (a new version either way); revives a removed one. */
  upsertEntry(catalogueCode: string, code: string, name: string) {
    const catalogue = this.#catalogue(catalogueCode)
    catalogue.entries.set(code, { code, name, version: ++this.#version, deleted: false })
  }

  /** Removes an entry: it stays as a tombstone so clients learn of the removal. */
  removeEntry(catalogueCode: string, code: string) {
    const entry = this.#catalogue(catalogueCode).entries.get(code)
    if (!entry) throw new Error(`no entry ${code} in ${catalogueCode}`)
    entry.deleted = true
    entry.version = ++this.#version
  }

  /** The catalogue's version: the highest version of its entries, 0 when it has none. */
  versionOf(catalogueCode: string) {
    let version = 0
    for (const entry of this.#catalogue(catalogueCode).entries.values()) version = Math.max(version, entry.version)
    return version
  }

  #catalogue(code: string) {
    const catalogue = this.#catalogues.get(code)
    if (!catalogue) throw new Error(`no catalogue ${code}`)
    return catalogue
  }

  protected route(url: URL, response: ServerResponse) {
    if (url.pathname === '/catalogues') {
      return json(response, 200, {
        catalogues: [...this.#catalogues.values()].map((catalogue) => ({
          code: catalogue.code,
          name: catalogue.name,
          kind: catalogue.kind,
          version: this.versionOf(catalogue.code),
        })),
      })
    }
    const match = /^\/catalogues\/([^/]+)\/entries$/.exec(url.pathname)
    if (!match) return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })

    const catalogue = this.#catalogues.get(decodeURIComponent(match[1]))
    if (!catalogue) return json(response, 404, { error: { code: 'not_found', message: 'Unknown catalogue' } })
    const since = integerParameter(url, 'since', 0)
    const limit = integerParameter(url, 'limit', DEFAULT_PAGE_SIZE)
    if (since === null || since < 0 || limit === null || limit < 1 || limit > MAX_PAGE_SIZE) {
      return json(response, 400, {
        error: { code: 'bad_request', message: `since must be >= 0, limit between 1 and ${MAX_PAGE_SIZE}` },
      })
    }

    const changed = [...catalogue.entries.values()]
      .filter((entry) => entry.version > since)
      .sort((a, b) => a.version - b.version)
    const page = changed.slice(0, limit)
    return json(response, 200, {
      catalogue: {
        code: catalogue.code,
        name: catalogue.name,
        kind: catalogue.kind,
        version: this.versionOf(catalogue.code),
      },
      entries: page.map((entry) => ({ ...entry })),
      has_more: changed.length > page.length,
      next_since: page.length ? page[page.length - 1].version : since,
    })
  }
}



/** Starts a stand-in with `seed` on `port` (0: any free port). */
export async function startNationalCatalogueServer(options: { seed?: Record<string, CatalogueSeed>; port?: number } = {}) {
  const standIn = new NationalCatalogueStandIn(options.seed)
  await standIn.listen(options.port ?? 0)
  return standIn
}

/** Sample national data, matching the demo tenants' LOAI_GIAY_TO catalogue plus a few more. */
export const SAMPLE_NATIONAL_CATALOGUES: Record<string, CatalogueSeed> = {
  LOAI_GIAY_TO: {
    name: 'Loại giấy tờ',
    kind: 'document_types',
    entries: [
      ['CCCD', 'Thẻ căn cước công dân'],
      ['CC', 'Thẻ căn cước'],
      ['HC', 'Hộ chiếu'],
      ['GKS', 'Giấy khai sinh'],
      ['GCNKH', 'Giấy chứng nhận kết hôn'],
      ['GXNTTHN', 'Giấy xác nhận tình trạng hôn nhân'],
      ['GCNQSDD', 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất'],
      ['GPXD', 'Giấy phép xây dựng'],
      ['GCNDKDN', 'Giấy chứng nhận đăng ký doanh nghiệp'],
      ['GPLX', 'Giấy phép lái xe'],
      ['LLTP', 'Phiếu lý lịch tư pháp'],
      ['GUQ', 'Giấy ủy quyền'],
      ['GCT', 'Giấy chứng tử'],
      ['GCNDKHKD', 'Giấy chứng nhận đăng ký hộ kinh doanh'],
    ],
  },
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.NATIONAL_CATALOGUE_PORT ?? 4545)
  startNationalCatalogueServer({ seed: SAMPLE_NATIONAL_CATALOGUES, port }).then((standIn) => {
    console.log(`national catalogue stand-in listening on ${standIn.url}`)
  })
}
