/*
 * The public postal service's price client (PT-15.2 c, OS-10.7): what one postal leg of a
 * dossier costs, asked of the postal company's price API
 * (modules/integration/postal/postal_service_protocol.md). It answers a quote or throws a
 * PostalServiceError; callers show the quote when there is one and carry on without it
 * otherwise (a quote never holds up a submission).
 *
 * Configuration, read at call time so a changed environment (or a test) takes effect at once:
 * POSTAL_SERVICE_URL (default http://127.0.0.1:4549, where the stand-in listens), and
 * POSTAL_SERVICE_API_KEY, POSTAL_SERVICE_TIMEOUT_MS (3 s: a page waits this long at most).
 */
export const DEFAULT_POSTAL_SERVICE_URL = 'http://127.0.0.1:4549'
export const DEFAULT_TIMEOUT_MS = 3_000

/** Picking the papers up at the applicant's (nhận hồ sơ), or taking the result to them (trả kết quả). */
export type PostalLeg = 'dossier_pickup' | 'result_delivery'

/** An end of a leg: administrative unit codes (province, and the commune when known). */
export interface PostalPoint {
  provinceCode: string
  communeCode?: string | null
}

export interface PostageRequest {
  leg: PostalLeg
  from: PostalPoint
  to: PostalPoint
  weightGrams: number
  /** Đồng the postman collects for the agency (the procedure's fees); 0 for none. */
  collectAmount: number
}

export interface Postage {
  /** Đồng. */
  postage: number
  /** What collecting `collectAmount` costs, in đồng; 0 when nothing is collected. */
  collectionFee: number
  total: number
  zone: 'same_province' | 'other_province'
  /** Expected delivery, in working days. */
  days: { min: number; max: number }
}

export type PostalServiceFailure = 'not_configured' | 'unreachable' | 'timeout' | 'rejected' | 'bad_response'

export class PostalServiceError extends Error {
  constructor(
    public failure: PostalServiceFailure,
    detail = '',
    /** The error code of a refusal (`unauthorized`, `unknown_commune`, …). */
    public code: string | null = null
  ) {
    super(`No postage quote: ${failure}${detail ? ` (${detail})` : ''}`)
  }
}

export function postalServiceSettings() {
  const baseUrl = (process.env.POSTAL_SERVICE_URL || DEFAULT_POSTAL_SERVICE_URL).trim()
  if (!/^https?:\/\/[^/]+/i.test(baseUrl)) throw new PostalServiceError('not_configured', 'POSTAL_SERVICE_URL')
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    // The stand-in takes any key; the postal company refuses a request without the partner's key.
    apiKey: process.env.POSTAL_SERVICE_API_KEY || 'development',
    timeoutMs: Number(process.env.POSTAL_SERVICE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
  }
}

const LEG_NAMES: Record<PostalLeg, string> = { dossier_pickup: 'nhan_ho_so', result_delivery: 'tra_ket_qua' }

function pointOf(point: PostalPoint) {
  return point.communeCode ? { tinh: point.provinceCode, xa: point.communeCode } : { tinh: point.provinceCode }
}

const amount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/** Quotes one leg: resolves with the postal company's price, throws PostalServiceError otherwise. */
export async function quotePostage(request: PostageRequest): Promise<Postage> {
  const settings = postalServiceSettings()
  let response: Response
  try {
    response = await fetch(`${settings.baseUrl}/api/v1/bang-gia`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${settings.apiKey}` },
      body: JSON.stringify({
        dich_vu: LEG_NAMES[request.leg],
        tu: pointOf(request.from),
        den: pointOf(request.to),
        khoi_luong_gram: request.weightGrams,
        thu_ho: request.collectAmount,
      }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    })
  } catch (error) {
    const name = (error as Error).name
    throw new PostalServiceError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable', settings.baseUrl)
  }

  let body: any
  try {
    body = await response.json()
  } catch (error) {
    // The body may also stop coming after the headers: that is the same slowness.
    if ((error as Error).name === 'TimeoutError') throw new PostalServiceError('timeout', settings.baseUrl)
    throw new PostalServiceError('bad_response', `HTTP ${response.status}, not JSON`)
  }
  if (!response.ok) {
    const code = typeof body?.error?.code === 'string' ? body.error.code : null
    throw new PostalServiceError('rejected', `HTTP ${response.status} ${code ?? ''}`.trim(), code)
  }
  const days = body?.thoi_gian_du_kien
  if (
    !amount(body?.cuoc) ||
    !amount(body?.phi_thu_ho) ||
    !amount(body?.tong) ||
    !['noi_tinh', 'lien_tinh'].includes(body?.vung) ||
    !amount(days?.tu_ngay) ||
    !amount(days?.den_ngay)
  ) {
    throw new PostalServiceError('bad_response', 'not a quote')
  }
  return {
    postage: body.cuoc,
    collectionFee: body.phi_thu_ho,
    total: body.tong,
    zone: body.vung === 'noi_tinh' ? 'same_province' : 'other_province',
    days: { min: days.tu_ngay, max: days.den_ngay },
  }
}
