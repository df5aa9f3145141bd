/*
 * A local stand-in for the National Database on Administrative Procedures (CSDL quốc gia về thủ
 * tục hành chính, GR-6, OS-1.3), which cannot be reached from here. It speaks the HTTP/JSON
 * protocol documented in modules/catalog/docs/national_procedure_protocol.md: the procedures an
 * agency performs, a page at a time, each with a version that grows on every change and an
 * update time; withdrawn (bãi bỏ) procedures stay in the listing, flagged.
 *
 * Tests start it on a random port and change its data between fetches; `fault` makes it
 * misbehave (garbage, wrong shape, 503, no answer) the way a real remote system can. Run it on
 * its own with
 *   node --import=@poppinss/ts-exec modules/integration/stand_ins/national_procedure_server.ts
 * (port from NATIONAL_PROCEDURE_PORT, default 4546) to sync the demo tenants against it.
 */
import type { ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import { StandInServer, integerParameter, json } from '#integration/stand_ins/stand_in_server'

export interface StandInComponent {
  name: string
  originalCopies: number
  photocopies: number
  required: boolean
}

export interface StandInFee {
  kind: 'fee' | 'charge'
  description: string
  amount: number
}

/** A procedure as the seed describes it; the stand-in adds version, updatedAt and withdrawal. */
export interface ProcedureSeed {
  code: string
  name: string
  sector: { code: string; name: string }
  administrativeLevel: 'central' | 'province' | 'commune'
  onlineLevel: 1 | 2 | 3 | 4
  legalDeadlineDays: number
  resultType: string
  conditions?: string
  legalBasis: string[]
  applicantTypes?: ('citizen' | 'organisation')[]
  components: StandInComponent[]
  fees?: StandInFee[]
  /** Agency codes (tenant codes such as H26) performing it; empty or absent: every agency. */
  agencies?: string[]
  /** Made-up data of the stand-in, so it is never mistaken for the real database's. */
  sample?: boolean
}

export interface StandInProcedure extends Required<Omit<ProcedureSeed, 'sample'>> {
  sample: boolean
  version: number
  updatedAt: string
  withdrawn: boolean
  withdrawnAt: string | null
}

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

export class NationalProcedureStandIn extends StandInServer {
  protected readonly badShape = { data: 'ok', procedures: 'none' }

  #procedures = new Map<string, StandInProcedure>()
  #version = 0
  /** Every change gets a later time than the last one, even within one millisecond. */
  #clock = Date.parse('2026-01-01T00:00:00.000Z')

  constructor(seed: ProcedureSeed[] = []) {
    super()
    for (const procedure of seed) this.upsert(procedure)
  }

  #tick() {
    this.#clock = Math.max(this.#clock + 1000, Date.now())
    return new Date(this.#clock).toISOString()
  }

  /** Adds a procedure or replaces it (a new version either way); revives a withdrawn one. */
  upsert(seed: ProcedureSeed) {
    this.#procedures.set(seed.code, {
      conditions: '',
      applicantTypes: ['citizen'],
      fees: [],
      agencies: [],
      ...structuredClone(seed),
      sample: seed.sample ?? false,
      version: ++this.#version,
      updatedAt: this.#tick(),
      withdrawn: false,
      withdrawnAt: null,
    })
  }

  /** Changes some attributes of a procedure (a new version). */
  change(code: string, changes: Partial<Omit<ProcedureSeed, 'code'>>) {
    const procedure = this.#find(code)
    Object.assign(procedure, structuredClone(changes), { version: ++this.#version, updatedAt: this.#tick() })
  }

  /** Withdraws (bãi bỏ) a procedure: it stays in the listing, flagged. */
  withdraw(code: string) {
    const procedure = this.#find(code)
    const at = this.#tick()
    Object.assign(procedure, { withdrawn: true, withdrawnAt: at, version: ++this.#version, updatedAt: at })
  }

  get(code: string) {
    return structuredClone(this.#find(code))
  }

  #find(code: string) {
    const procedure = this.#procedures.get(code)
    if (!procedure) throw new Error(`no procedure ${code}`)
    return procedure
  }

  protected route(url: URL, response: ServerResponse) {
    if (url.pathname !== '/procedures') return json(response, 404, { error: { code: 'not_found', message: 'Unknown path' } })

    const agency = (url.searchParams.get('agency') ?? '').trim()
    const changedSinceRaw = url.searchParams.get('changedSince')
    const changedSince = changedSinceRaw ? Date.parse(changedSinceRaw) : null
    const page = integerParameter(url, 'page', 1)
    const pageSize = integerParameter(url, 'pageSize', DEFAULT_PAGE_SIZE)
    if (
      (changedSince !== null && Number.isNaN(changedSince)) ||
      page === null ||
      page < 1 ||
      pageSize === null ||
      pageSize < 1 ||
      pageSize > MAX_PAGE_SIZE
    ) {
      return json(response, 400, {
        error: {
          code: 'bad_request',
          message: `changedSince must be an ISO 8601 time, page >= 1, pageSize between 1 and ${MAX_PAGE_SIZE}`,
        },
      })
    }

    const matching = [...this.#procedures.values()]
      .filter((procedure) => !agency || procedure.agencies.length === 0 || procedure.agencies.includes(agency))
      .filter((procedure) => changedSince === null || Date.parse(procedure.updatedAt) > changedSince)
      .sort((a, b) => a.code.localeCompare(b.code))
    const pageCount = Math.max(1, Math.ceil(matching.length / pageSize))
    const slice = matching.slice((page - 1) * pageSize, page * pageSize)
    return json(response, 200, {
      agency: agency || null,
      changedSince: changedSinceRaw || null,
      page,
      pageSize,
      pageCount,
      total: matching.length,
      procedures: slice.map(({ agencies: _agencies, ...procedure }) => structuredClone(procedure)),
    })
  }
}



/** Starts a stand-in with `seed` on `port` (0: any free port). */
export async function startNationalProcedureServer(options: { seed?: ProcedureSeed[]; port?: number } = {}) {
  const standIn = new NationalProcedureStandIn(options.seed)
  await standIn.listen(options.port ?? 0)
  return standIn
}

const HO_TICH_BASIS = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
]

/**
 * Sample national data (made up, marked sample): the first codes follow the demo provinces'
 * sample codes (1.900001 …) so a demo tenant sees changed procedures, plus new ones.
 */
export const SAMPLE_NATIONAL_PROCEDURES: ProcedureSeed[] = [
  {
    code: '1.900001',
    name: 'Thủ tục đăng ký khai sinh',
    sector: { code: 'HT', name: 'Hộ tịch' },
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 0.5,
    resultType: 'Giấy khai sinh (bản chính)',
    legalBasis: HO_TICH_BASIS,
    components: [
      { name: 'Tờ khai đăng ký khai sinh (theo mẫu)', originalCopies: 1, photocopies: 0, required: true },
      { name: 'Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh', originalCopies: 1, photocopies: 0, required: true },
    ],
    fees: [],
    sample: true,
  },
  {
    code: '1.990001',
    name: 'Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con',
    sector: { code: 'HT', name: 'Hộ tịch' },
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 3,
    resultType: 'Giấy khai sinh; trích lục đăng ký nhận cha, mẹ, con',
    legalBasis: HO_TICH_BASIS,
    components: [
      { name: 'Tờ khai đăng ký khai sinh, đăng ký nhận cha, mẹ, con (theo mẫu)', originalCopies: 1, photocopies: 0, required: true },
      { name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', originalCopies: 1, photocopies: 0, required: true },
    ],
    fees: [{ kind: 'charge', description: 'Lệ phí đăng ký nhận cha, mẹ, con', amount: 15000 }],
    sample: true,
  },
  {
    code: '1.990002',
    name: 'Thủ tục cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ',
    sector: { code: 'XD', name: 'Xây dựng' },
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 15,
    resultType: 'Giấy phép xây dựng',
    legalBasis: ['Luật Xây dựng số 50/2014/QH13', 'Nghị định số 175/2024/NĐ-CP'],
    applicantTypes: ['citizen', 'organisation'],
    components: [
      { name: 'Đơn đề nghị cấp giấy phép sửa chữa, cải tạo (theo mẫu)', originalCopies: 1, photocopies: 0, required: true },
      { name: 'Bản vẽ hiện trạng của bộ phận, hạng mục công trình đề nghị cải tạo', originalCopies: 1, photocopies: 0, required: true },
    ],
    fees: [{ kind: 'charge', description: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', amount: 75000 }],
    sample: true,
  },
  {
    code: '1.990003',
    name: 'Thủ tục cấp bản sao trích lục hộ tịch',
    sector: { code: 'HT', name: 'Hộ tịch' },
    administrativeLevel: 'commune',
    onlineLevel: 4,
    legalDeadlineDays: 0.5,
    resultType: 'Bản sao trích lục hộ tịch',
    legalBasis: HO_TICH_BASIS,
    components: [{ name: 'Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', originalCopies: 1, photocopies: 0, required: true }],
    fees: [{ kind: 'fee', description: 'Phí cấp bản sao trích lục', amount: 8000 }],
    sample: true,
  },
]

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.NATIONAL_PROCEDURE_PORT ?? 4546)
  startNationalProcedureServer({ seed: SAMPLE_NATIONAL_PROCEDURES, port }).then((standIn) => {
    console.log(`national procedure database stand-in listening on ${standIn.url}`)
  })
}
