/** Fixtures of the document tests: a counter dossier with a checklist-less procedure, officers, requests for files. */
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import { DateTime } from 'luxon'
import type User from '#users/models/user'
import { withTenant } from '#tenancy/tenant_context'
import { ProcedureComponent } from '#catalog/index'
import { createCitizen, createOfficer, hostOf } from '#tests/helpers/tenants'
import { clockAt, intake, intakeSetting, type IntakeSetting } from '#intake/tests/helpers'
import type { RegisterDossierInput } from '#intake/services/register_dossier'

export const APPLICANT = {
  fullName: 'Phạm Thị Hường',
  nationalId: '001190012345',
  phone: '0912000111',
  email: 'huong.pham@example.vn',
  address: 'Số 5 phố Hàng Gai, phường Hoàn Kiếm',
}

export interface DocumentSetting extends IntakeSetting {
  officer: User
  citizen: User
  host: string
}

export async function documentSetting(options: { settings?: Record<string, unknown> } = {}): Promise<DocumentSetting> {
  const setting = await intakeSetting(options)
  await withTenant(setting.tenant, () =>
    ProcedureComponent.createMany([
      { procedureId: setting.procedureId, position: 1, name: 'Tờ khai đăng ký khai sinh', originalCopies: 1, photocopies: 0, isRequired: true },
      { procedureId: setting.procedureId, position: 2, name: 'Giấy chứng sinh', originalCopies: 1, photocopies: 1, isRequired: true },
    ])
  )
  return {
    ...setting,
    officer: await createOfficer(setting.tenant, ['receptionist']),
    citizen: await createCitizen(setting.tenant),
    host: hostOf(setting.tenant),
  }
}

/** A dossier accepted at the counter at `at` (Vietnam time), appointment two days later at 09:30. */
export function acceptedDossier(setting: DocumentSetting, at = '2026-04-15T09:30:00', overrides: Partial<RegisterDossierInput> = {}) {
  const clock = clockAt(at)
  return intake(setting, clock, {
    applicant: APPLICANT,
    appointmentAt: clock().plus({ days: 2 }).set({ hour: 9, minute: 30 }),
    event: { action: 'receive', actor: setting.officer, public: true },
    ...overrides,
  })
}

/** Reads the response body as bytes, whatever its type (superagent would parse or drop it). */
function asBinary(request: ApiRequest): ApiRequest {
  ;(request as any).request.buffer(true).parse((res: any, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
  return request
}

/** GET as `user` on the setting's host, body as bytes. */
export function getFile(client: ApiClient, setting: DocumentSetting, path: string, user: User | null = setting.officer) {
  const request = client.get(path).header('host', setting.host).redirects(0)
  if (user) request.loginAs(user)
  return asBinary(request) as unknown as Promise<ApiResponse>
}

export function bytesOf(response: ApiResponse): Buffer {
  return response.body() as Buffer
}

export function vietnamTime(iso: string) {
  return DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' })
}
