/*
 * A local stand-in for the public postal company's price API (PT-15.2 c, OS-10.7), which cannot
 * be reached from here. It speaks modules/integration/postal/postal_service_protocol.md as the
 * company would: API key, the administrative unit codes in force since 1 July 2025 (read from
 * database/data, the same list the address pickers offer), weight steps, a collection fee, and
 * the price table of that document. Every quote it gives is kept in `quoted` for tests; `fault`
 * makes it misbehave like a real service (see StandInServer).
 *
 * Run it on its own with
 *   node --import=@poppinss/ts-exec modules/integration/stand_ins/postal_service_server.ts
 * (port from POSTAL_SERVICE_PORT, default 4549, the client's default URL).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { StandInServer, json, bearerKeyOf, jsonObjectOf } from '#integration/stand_ins/stand_in_server'

export const DEFAULT_POSTAL_SERVICE_PORT = 4549

/** The price table of the protocol document, in đồng. */
export const PRICE_TABLE = {
  noi_tinh: { firstStep: 16_000, nextStep: 2_000, days: { tu_ngay: 1, den_ngay: 2 } },
  lien_tinh: { firstStep: 25_000, nextStep: 4_000, days: { tu_ngay: 2, den_ngay: 4 } },
  stepGrams: 250,
  maxGrams: 30_000,
  /** The collection fee is 1 % rounded up to 100 đ: ⌈amount / 10 000⌉ × 100, in integers. */
  collectionDivisor: 10_000,
  collectionMinimum: 10_000,
  maxCollected: 100_000_000,
} as const

const SERVICES = ['nhan_ho_so', 'tra_ket_qua'] as const

export interface PostageQuestion {
  dich_vu: (typeof SERVICES)[number]
  tu: { tinh: string; xa?: string }
  den: { tinh: string; xa?: string }
  khoi_luong_gram: number
  thu_ho: number
}

export interface PostageAnswer {
  cuoc: number
  phi_thu_ho: number
  tong: number
  vung: 'noi_tinh' | 'lien_tinh'
  thoi_gian_du_kien: { tu_ngay: number; den_ngay: number }
}

/** Province codes, and the province of each commune code, from the shared reference data. */
let units: { provinces: Set<string>; communeProvince: Map<string, string> } | undefined
function unitCodes() {
  if (!units) {
    const file = new URL('../../../database/data/administrative-units-2025.json', import.meta.url)
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      provinces: { code: string }[]
      communes: { code: string; provinceCode: string }[]
    }
    units = {
      provinces: new Set(data.provinces.map((province) => province.code)),
      communeProvince: new Map(data.communes.map((commune) => [commune.code, commune.provinceCode])),
    }
  }
  return units
}

/** What the table charges for one leg; the request is assumed checked. */
export function priceOf(question: PostageQuestion): PostageAnswer {
  const vung = question.tu.tinh === question.den.tinh ? 'noi_tinh' : 'lien_tinh'
  const zone = PRICE_TABLE[vung]
  const furtherSteps = Math.max(0, Math.ceil(question.khoi_luong_gram / PRICE_TABLE.stepGrams) - 1)
  const cuoc = zone.firstStep + furtherSteps * zone.nextStep
  const phi_thu_ho =
    question.thu_ho > 0 ? Math.max(PRICE_TABLE.collectionMinimum, Math.ceil(question.thu_ho / PRICE_TABLE.collectionDivisor) * 100) : 0
  return { cuoc, phi_thu_ho, tong: cuoc + phi_thu_ho, vung, thoi_gian_du_kien: { ...zone.days } }
}

type Refusal = { status: 400 | 422; code: string; message: string }

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

/** Checks a request body against the protocol: the question, or why it is refused. */
function questionOf(payload: Record<string, unknown>): PostageQuestion | Refusal {
  const { dich_vu, tu, den, khoi_luong_gram, thu_ho } = payload
  if (typeof dich_vu !== 'string' || !(SERVICES as readonly string[]).includes(dich_vu)) {
    return { status: 400, code: 'invalid_service', message: 'dich_vu must be nhan_ho_so or tra_ket_qua' }
  }
  const { provinces, communeProvince } = unitCodes()
  const ends: { tinh: string; xa?: string }[] = []
  for (const [name, end] of [['tu', tu], ['den', den]] as const) {
    const point = end && typeof end === 'object' && !Array.isArray(end) ? (end as Record<string, unknown>) : null
    if (!point || typeof point.tinh !== 'string' || (point.xa !== undefined && typeof point.xa !== 'string')) {
      return { status: 400, code: 'invalid_address', message: `${name} must be { tinh, xa? } with string codes` }
    }
    if (!provinces.has(point.tinh)) return { status: 422, code: 'unknown_province', message: `${name}.tinh ${point.tinh} is not a province` }
    if (point.xa !== undefined && communeProvince.get(point.xa) !== point.tinh) {
      return { status: 422, code: 'unknown_commune', message: `${name}.xa ${point.xa} is not a commune of ${point.tinh}` }
    }
    ends.push(point.xa === undefined ? { tinh: point.tinh } : { tinh: point.tinh, xa: point.xa })
  }
  if (!isWhole(khoi_luong_gram) || khoi_luong_gram < 1) {
    return { status: 400, code: 'invalid_weight', message: 'khoi_luong_gram must be a whole number of grams' }
  }
  if (khoi_luong_gram > PRICE_TABLE.maxGrams) {
    return { status: 422, code: 'too_heavy', message: `At most ${PRICE_TABLE.maxGrams} g` }
  }
  if (!isWhole(thu_ho) || thu_ho < 0) return { status: 400, code: 'invalid_amount', message: 'thu_ho must be a whole amount of đồng' }
  if (thu_ho > PRICE_TABLE.maxCollected) {
    return { status: 422, code: 'amount_too_large', message: `At most ${PRICE_TABLE.maxCollected} đồng collected` }
  }
  return { dich_vu: dich_vu as PostageQuestion['dich_vu'], tu: ends[0], den: ends[1], khoi_luong_gram, thu_ho }
}

export class PostalServiceStandIn extends StandInServer {
  protected readonly badShape = { gia: 'liên hệ' }

  /** Every quote given, with its question, for tests. */
  readonly quoted: { question: PostageQuestion; answer: PostageAnswer }[] = []

  /** `apiKey`: the key a request must carry (any non-empty key when absent). */
  constructor(private options: { apiKey?: string } = {}) {
    super()
  }

  protected route(_url: URL, response: ServerResponse) {
    return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })
  }

  protected receive(url: URL, request: IncomingMessage, body: string, response: ServerResponse) {
    if (url.pathname !== '/api/v1/bang-gia') return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })

    if (bearerKeyOf(request, response, this.options.apiKey) === null) return
    const payload = jsonObjectOf(body, response)
    if (!payload) return
    const question = questionOf(payload)
    if ('status' in question) return json(response, question.status, { error: { code: question.code, message: question.message } })

    const answer = priceOf(question)
    this.quoted.push({ question, answer })
    return json(response, 200, answer)
  }
}

/** Starts a stand-in on `port` (0: any free port). */
export async function startPostalServiceServer(options: { apiKey?: string; port?: number } = {}) {
  const standIn = new PostalServiceStandIn(options)
  await standIn.listen(options.port ?? 0)
  return standIn
}

/**
 * `npm start` on a developer machine has no postal company: unless POSTAL_SERVICE_URL points
 * elsewhere, a stand-in quotes postage on the client's default port. Null when something else
 * already listens there.
 */
export async function startDevelopmentPostalService() {
  const configured = process.env.POSTAL_SERVICE_URL
  if (configured && configured.replace(/\/+$/, '') !== `http://127.0.0.1:${DEFAULT_POSTAL_SERVICE_PORT}`) return null
  try {
    return await startPostalServiceServer({ port: DEFAULT_POSTAL_SERVICE_PORT })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return null
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.POSTAL_SERVICE_PORT ?? DEFAULT_POSTAL_SERVICE_PORT)
  startPostalServiceServer({ port }).then((standIn) => {
    console.log(`Postal service stand-in listening on ${standIn.url}`)
  })
}
