/*
 * A local stand-in for the National Population Database (Cơ sở dữ liệu quốc gia về dân cư), which
 * cannot be reached from here (OS-5.9). It speaks the protocol of
 * modules/integration/population/population_registry_protocol.md: one citizen by personal
 * identification number, behind an API key, with the permanent residence in the two-tier
 * administrative units in force since 1 July 2025. Its sample citizens have numbers that pass the
 * app's own check (province of birth registration, century and sex, year of birth); `fault` makes
 * it misbehave like a real service (see StandInServer).
 *
 * Run it on its own with
 *   node --import=@poppinss/ts-exec modules/integration/stand_ins/population_registry_server.ts
 * (port from POPULATION_REGISTRY_PORT, default 4548, the client's default URL): each lookup is printed.
 */
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import { StandInServer, json } from '#integration/stand_ins/stand_in_server'

export const DEFAULT_POPULATION_REGISTRY_PORT = 4548

/** One citizen as the registry answers it (the protocol's field names). */
export interface RegistryCitizen {
  soDinhDanh: string
  hoVaTen: string
  /** YYYY-MM-DD. */
  ngaySinh: string
  gioiTinh: 'nam' | 'nu'
  quocTich: string
  noiThuongTru: { maTinh: string; tenTinh: string; maXa: string; tenXa: string; chiTiet: string }
}

interface SampleCitizen {
  soDinhDanh: string
  hoVaTen: string
  ngaySinh: string
  gioiTinh: 'nam' | 'nu'
  /** Statistics-office codes of the province and the commune or ward of permanent residence. */
  maTinh: string
  maXa: string
  chiTiet: string
}

/**
 * The sample citizens. Digits 1–3 of a number are the province of birth registration, digit 4
 * the century and sex (0 man and 1 woman born 1900–1999, 2 and 3 born from 2000), digits 5–6 the
 * year of birth; each sample agrees with its own date of birth and sex.
 */
const SAMPLES: SampleCitizen[] = [
  { soDinhDanh: '001190012345', hoVaTen: 'Trần Thị Bình', ngaySinh: '1990-03-08', gioiTinh: 'nu', maTinh: '01', maXa: '00004', chiTiet: 'Số 12 phố Đội Cấn' },
  { soDinhDanh: '001085004321', hoVaTen: 'Nguyễn Văn Hùng', ngaySinh: '1985-09-02', gioiTinh: 'nam', maTinh: '01', maXa: '00166', chiTiet: 'Số 5 ngõ 82 phố Dịch Vọng Hậu' },
  { soDinhDanh: '001203000789', hoVaTen: 'Phạm Minh Khôi', ngaySinh: '2003-07-15', gioiTinh: 'nam', maTinh: '01', maXa: '00454', chiTiet: 'Thôn Cổ Dương' },
  { soDinhDanh: '001170004567', hoVaTen: 'Đỗ Thị Hạnh', ngaySinh: '1970-12-01', gioiTinh: 'nu', maTinh: '01', maXa: '00070', chiTiet: 'Số 3 phố Hàng Bài' },
  { soDinhDanh: '048088054321', hoVaTen: 'Trần Văn Công', ngaySinh: '1988-11-03', gioiTinh: 'nam', maTinh: '48', maXa: '20242', chiTiet: 'Số 20 đường Bạch Đằng' },
  { soDinhDanh: '048305001122', hoVaTen: 'Lê Thị Thu Hà', ngaySinh: '2005-01-20', gioiTinh: 'nu', maTinh: '48', maXa: '20263', chiTiet: 'Số 7 đường Ngô Quyền' },
  { soDinhDanh: '079192003456', hoVaTen: 'Võ Thị Mai', ngaySinh: '1992-12-24', gioiTinh: 'nu', maTinh: '79', maXa: '26740', chiTiet: 'Số 45 đường Lê Lợi' },
  { soDinhDanh: '046078000111', hoVaTen: 'Hoàng Văn Minh', ngaySinh: '1978-04-30', gioiTinh: 'nam', maTinh: '46', maXa: '19789', chiTiet: 'Số 3 đường Lê Lợi' },
  { soDinhDanh: '031060000222', hoVaTen: 'Bùi Văn Tư', ngaySinh: '1960-10-10', gioiTinh: 'nam', maTinh: '31', maXa: '11311', chiTiet: 'Số 14 đường Hoàng Văn Thụ' },
  { soDinhDanh: '040199008888', hoVaTen: 'Nguyễn Thị Hoa', ngaySinh: '1999-02-14', gioiTinh: 'nu', maTinh: '40', maXa: '16681', chiTiet: 'Số 9 đường Quang Trung' },
  { soDinhDanh: '092170005555', hoVaTen: 'Đặng Thị Lan', ngaySinh: '1970-06-01', gioiTinh: 'nu', maTinh: '92', maXa: '31135', chiTiet: 'Số 8 đường Hai Bà Trưng' },
]

interface UnitFile {
  provinces: { code: string; name: string }[]
  communes: { code: string; name: string; provinceCode: string }[]
}

/** The samples with the names of their units, read from the administrative units the app also loads. */
function sampleCitizens(): RegistryCitizen[] {
  const file = new URL('../../../database/data/administrative-units-2025.json', import.meta.url)
  const units = JSON.parse(readFileSync(file, 'utf8')) as UnitFile
  return SAMPLES.map(({ maTinh, maXa, chiTiet, ...person }) => {
    const province = units.provinces.find((unit) => unit.code === maTinh)
    const commune = units.communes.find((unit) => unit.code === maXa && unit.provinceCode === maTinh)
    if (!province || !commune) throw new Error(`sample citizen ${person.soDinhDanh}: unknown unit ${maTinh}/${maXa}`)
    return {
      ...person,
      hoVaTen: person.hoVaTen.normalize('NFC'),
      quocTich: 'Việt Nam',
      noiThuongTru: { maTinh, tenTinh: province.name.normalize('NFC'), maXa, tenXa: commune.name.normalize('NFC'), chiTiet },
    }
  })
}

const CITIZEN_PATH = /^\/api\/v1\/cong-dan\/([^/]*)$/

export class PopulationRegistryStandIn extends StandInServer {
  protected readonly badShape = { soDinhDanh: null, ketQua: 'OK' }

  readonly citizens: ReadonlyMap<string, RegistryCitizen>

  /** `apiKey`: the key a request must carry (any non-empty key when absent). */
  constructor(private options: { apiKey?: string; onLookup?: (number: string, status: number) => void } = {}) {
    super()
    this.citizens = new Map(sampleCitizens().map((citizen) => [citizen.soDinhDanh, citizen]))
  }

  protected route(url: URL, response: ServerResponse, request: IncomingMessage) {
    const match = CITIZEN_PATH.exec(url.pathname)
    if (!match) return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })

    const key = request.headers['x-api-key']
    if (typeof key !== 'string' || key.trim() === '' || (this.options.apiKey !== undefined && key !== this.options.apiKey)) {
      return this.#answer(response, 401, '', { error: { code: 'unauthorized', message: 'Missing or wrong API key' } })
    }
    const number = decodeURIComponent(match[1])
    if (!/^\d{12}$/.test(number)) {
      return this.#answer(response, 400, number, { error: { code: 'invalid_number', message: 'soDinhDanh must be 12 digits' } })
    }
    const citizen = this.citizens.get(number)
    if (!citizen) return this.#answer(response, 404, number, { error: { code: 'citizen_not_found', message: 'No citizen with this number' } })
    return this.#answer(response, 200, number, citizen)
  }

  #answer(response: ServerResponse, status: number, number: string, body: unknown) {
    this.options.onLookup?.(number, status)
    return json(response, status, body)
  }
}

/** Starts a stand-in on `port` (0: any free port). */
export async function startPopulationRegistryServer(
  options: ConstructorParameters<typeof PopulationRegistryStandIn>[0] & { port?: number } = {}
) {
  const standIn = new PopulationRegistryStandIn(options)
  await standIn.listen(options.port ?? 0)
  return standIn
}

function printLookup(number: string, status: number) {
  console.log(`[dân cư] tra cứu ${number || '(không có khóa)'} → ${status}`)
}

/**
 * `npm start` on a developer machine has no national database: unless POPULATION_REGISTRY_URL
 * points elsewhere, a stand-in answers on the client's default port with its sample citizens and
 * the key of POPULATION_REGISTRY_API_KEY (any key when unset). Null when something else already
 * listens there.
 */
export async function startDevelopmentPopulationRegistry() {
  const configured = process.env.POPULATION_REGISTRY_URL
  if (configured && configured.replace(/\/+$/, '') !== `http://127.0.0.1:${DEFAULT_POPULATION_REGISTRY_PORT}`) return null
  try {
    return await startPopulationRegistryServer({
      port: DEFAULT_POPULATION_REGISTRY_PORT,
      apiKey: process.env.POPULATION_REGISTRY_API_KEY || undefined,
      onLookup: printLookup,
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return null
    throw error
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.POPULATION_REGISTRY_PORT ?? DEFAULT_POPULATION_REGISTRY_PORT)
  startPopulationRegistryServer({ port, apiKey: process.env.POPULATION_REGISTRY_API_KEY || undefined, onLookup: printLookup }).then(
    (standIn) => {
      console.log(`Population registry stand-in listening on ${standIn.url}`)
      for (const citizen of standIn.citizens.values()) console.log(`  ${citizen.soDinhDanh}  ${citizen.hoVaTen}`)
    }
  )
}
