/*
 * The National Population Database client (Cơ sở dữ liệu quốc gia về dân cư, OS-5.9): one citizen
 * by personal identification number, so the counter can check who the applicant is and reuse the
 * registry's data instead of asking for papers (protocol:
 * modules/integration/population/population_registry_protocol.md). It answers the citizen or
 * throws CitizenNotFoundError or PopulationRegistryUnavailableError; it never retries, since a
 * receptionist is waiting and can go on by hand.
 *
 * Configuration, read at call time so a changed environment (or a test) takes effect at once:
 * POPULATION_REGISTRY_URL (default http://127.0.0.1:4548, where the stand-in listens),
 * POPULATION_REGISTRY_API_KEY, POPULATION_REGISTRY_TIMEOUT_MS (5 s: someone waits at the counter).
 */
export const DEFAULT_POPULATION_REGISTRY_URL = 'http://127.0.0.1:4548'
export const DEFAULT_TIMEOUT_MS = 5_000
/** What a verified dossier records as the source of its applicant's identity. */
export const POPULATION_REGISTRY_SOURCE = 'population_registry'

export interface RegisteredCitizen {
  nationalId: string
  fullName: string
  /** YYYY-MM-DD. */
  dateOfBirth: string
  sex: 'male' | 'female'
  nationality: string
  /** Permanent residence, in the two-tier units (province, commune or ward) with their codes. */
  permanentResidence: {
    provinceCode: string
    provinceName: string
    communeCode: string
    communeName: string
    detail: string
  }
}

export class PopulationRegistryError extends Error {}

/** No citizen has this number (or it is not a 12-digit number at all). */
export class CitizenNotFoundError extends PopulationRegistryError {
  constructor(readonly nationalId: string) {
    super(`No citizen with number ${nationalId} in the population registry`)
  }
}

export type RegistryUnavailableReason = 'not_configured' | 'unreachable' | 'timeout' | 'unauthorized' | 'server_error' | 'bad_response'

/** The registry could not answer: down, slow, refusing our key, or answering nonsense. */
export class PopulationRegistryUnavailableError extends PopulationRegistryError {
  constructor(
    readonly reason: RegistryUnavailableReason,
    detail = ''
  ) {
    super(`Population registry unavailable: ${reason}${detail ? ` (${detail})` : ''}`)
  }
}

export function populationRegistrySettings() {
  const baseUrl = (process.env.POPULATION_REGISTRY_URL || DEFAULT_POPULATION_REGISTRY_URL).trim()
  if (!/^https?:\/\/[^/]+/i.test(baseUrl)) throw new PopulationRegistryUnavailableError('not_configured', 'POPULATION_REGISTRY_URL')
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    // The stand-in takes any key; the real service refuses a request without the agency's key.
    apiKey: process.env.POPULATION_REGISTRY_API_KEY || 'development',
    timeoutMs: Number(process.env.POPULATION_REGISTRY_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
  }
}

function text(value: unknown) {
  return typeof value === 'string' ? value.normalize('NFC').trim() : ''
}

/** The protocol's answer as a RegisteredCitizen, or null when it lacks what the protocol promises. */
function citizenFrom(body: any, nationalId: string): RegisteredCitizen | null {
  const residence = body?.noiThuongTru
  if (!body || typeof body !== 'object' || body.soDinhDanh !== nationalId) return null
  if (!text(body.hoVaTen) || !/^\d{4}-\d{2}-\d{2}$/.test(body.ngaySinh ?? '') || !['nam', 'nu'].includes(body.gioiTinh)) return null
  if (!residence || typeof residence !== 'object' || !text(residence.tenTinh) || !text(residence.tenXa)) return null
  return {
    nationalId,
    fullName: text(body.hoVaTen),
    dateOfBirth: body.ngaySinh,
    sex: body.gioiTinh === 'nam' ? 'male' : 'female',
    nationality: text(body.quocTich),
    permanentResidence: {
      provinceCode: text(residence.maTinh),
      provinceName: text(residence.tenTinh),
      communeCode: text(residence.maXa),
      communeName: text(residence.tenXa),
      detail: text(residence.chiTiet),
    },
  }
}

/** The citizen with this personal identification number, as the registry holds them. */
export async function lookUpCitizen(nationalId: string): Promise<RegisteredCitizen> {
  const number = nationalId.trim()
  if (!/^\d{12}$/.test(number)) throw new CitizenNotFoundError(number)
  const settings = populationRegistrySettings()

  let response: Response
  try {
    response = await fetch(`${settings.baseUrl}/api/v1/cong-dan/${number}`, {
      headers: { 'accept': 'application/json', 'x-api-key': settings.apiKey },
      signal: AbortSignal.timeout(settings.timeoutMs),
    })
  } catch (error) {
    const name = (error as Error).name
    throw new PopulationRegistryUnavailableError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable', settings.baseUrl)
  }

  let body: any
  try {
    body = await response.json()
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') throw new PopulationRegistryUnavailableError('timeout', settings.baseUrl)
    throw new PopulationRegistryUnavailableError('bad_response', `HTTP ${response.status}, not JSON`)
  }
  if (response.status === 404 && body?.error?.code === 'citizen_not_found') throw new CitizenNotFoundError(number)
  if (response.status === 400 && body?.error?.code === 'invalid_number') throw new CitizenNotFoundError(number)
  if (response.status === 401 || response.status === 403) throw new PopulationRegistryUnavailableError('unauthorized', `HTTP ${response.status}`)
  if (!response.ok) throw new PopulationRegistryUnavailableError('server_error', `HTTP ${response.status} ${body?.error?.code ?? ''}`.trim())

  const citizen = citizenFrom(body, number)
  if (!citizen) throw new PopulationRegistryUnavailableError('bad_response', 'not a citizen record')
  return citizen
}
