/*
 * Fixtures of the special parts' tests: the workflow runtime's setting (a "leader_approval"
 * procedure: tiếp nhận → phân công → thụ lý → kiểm tra → phê duyệt → trả kết quả, officers in
 * every role) plus a partner agency with a handler (inter-agency transfer), dossiers brought to
 * the handler, to an approval round or to the counter for the return through the engine, and
 * the small HTTP and mail helpers the specs share.
 */
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Department from '#users/models/department'
import User from '#users/models/user'
import DossierEvent from '#intake/models/dossier_event'
import { loadWorkingCalendar } from '#catalog/services/working_calendar'
import { formatDate } from '#services/vietnamese_format'
import { hostOf, TEST_PASSWORD } from '#tests/helpers/tenants'
import { testMailbox } from '#tests/helpers/mailbox'
import { acceptedDossier, act, engineSetting, reload, type EngineSetting } from '#processing/tests/engine_fixtures'
import type { TemplateKey } from '#catalog/services/workflow_templates'

export interface SpecialSetting extends EngineSetting {
  host: string
  /** A handler of another agency (Sở Tài chính), for inter-agency transfers. */
  partner: User
}

export async function specialSetting(options: { template?: TemplateKey } = {}): Promise<SpecialSetting> {
  // The app sends to the test SMTP server; it must listen before the first email leaves.
  await testMailbox()
  const setting = await engineSetting({ template: options.template })
  const partner = await withTenant(setting.tenant, async () => {
    const agency = await Agency.create({ code: `000.00.02.H${randomUUID().slice(0, 2)}`, name: 'Sở Tài chính' })
    const department = await Department.create({ agencyId: agency.id, name: 'Phòng Giá - Công sản' })
    return User.create({
      kind: 'officer',
      email: `lienthong-${randomUUID().slice(0, 8)}@example.vn`,
      fullName: 'Vũ Thị Liên',
      position: 'Chuyên viên',
      agencyId: agency.id,
      departmentId: department.id,
      roles: ['handler'],
      password: TEST_PASSWORD,
      isActive: true,
    })
  })
  return { ...setting, host: hostOf(setting.tenant), partner }
}

export function freshEmail() {
  return `nguoinop-${randomUUID().slice(0, 8)}@example.vn`
}

/** Now, to the second (the HTTP routes run on the system clock). */
export function now() {
  return DateTime.now().startOf('second')
}

/** A dossier received now and brought, through the engine, to the handler's step (thu_ly) with the handler holding it. */
export async function atHandler(setting: SpecialSetting, options: { email?: string | null; at?: DateTime } = {}) {
  const at = options.at ?? now().minus({ minutes: 5 })
  const dossier = await acceptedDossier(setting, at, options.email ?? null)
  await act(setting, dossier.id, setting.receptionist, 'Chuyển xử lý', at.plus({ minutes: 1 }))
  await act(setting, dossier.id, setting.deptHead, 'Phân công thụ lý', at.plus({ minutes: 2 }), { assigneeId: setting.handler.id })
  return reload(setting, dossier.id)
}

/** A dossier at the first approval round (kiem_tra, the department head). */
export async function atFirstRound(setting: SpecialSetting, options: { email?: string | null } = {}) {
  const dossier = await atHandler(setting, options)
  await act(setting, dossier.id, setting.handler, 'Trình trưởng phòng', now().minus({ minutes: 2 }))
  return reload(setting, dossier.id)
}

/** A dossier approved in both rounds, back at the counter: "Đã xử lý xong", at tra_ket_qua. */
export async function atReturn(setting: SpecialSetting, options: { email?: string | null } = {}) {
  const dossier = await atFirstRound(setting, options)
  await act(setting, dossier.id, setting.deptHead, 'Trình ký', now().minus({ minutes: 1 }))
  await act(setting, dossier.id, setting.approver, 'Phê duyệt', now().minus({ seconds: 30 }))
  return reload(setting, dossier.id)
}

/** The trail of a dossier, oldest first. */
export function trailOf(setting: SpecialSetting, dossierId: number) {
  return withTenant(setting.tenant, () => DossierEvent.query().where('dossier_id', dossierId).orderBy('sequence'))
}

/** A working day `days` working days from now, as an officer types it (DD/MM/YYYY). */
export async function workingDayAfter(setting: SpecialSetting, days: number, from: DateTime = now()) {
  return withTenant(setting.tenant, async () => formatDate((await loadWorkingCalendar()).addWorkingDays(from, days)))
}

/** The next day off (weekly rest) after `from`, typed DD/MM/YYYY. */
export async function dayOffAfter(setting: SpecialSetting, from: DateTime = now()) {
  return withTenant(setting.tenant, async () => {
    const calendar = await loadWorkingCalendar()
    let day = from.plus({ days: 1 })
    while (calendar.isWorkingDay(day)) day = day.plus({ days: 1 })
    return formatDate(day)
  })
}

export function get(client: ApiClient, setting: SpecialSetting, user: User, path: string) {
  return client.get(path).header('host', setting.host).loginAs(user).redirects(0)
}

export function post(client: ApiClient, setting: SpecialSetting, user: User, path: string, form: Record<string, unknown>) {
  return client.post(path).header('host', setting.host).loginAs(user).withCsrfToken().redirects(0).form(form)
}

/** GET as `user` with the body read as bytes (a PDF, a file), whatever its type. */
export async function getBytes(client: ApiClient, setting: SpecialSetting, user: User, path: string) {
  const request: ApiRequest = get(client, setting, user, path)
  ;(request as any).request.buffer(true).parse((res: any, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
  const response = (await request) as ApiResponse
  return { response, bytes: response.body() as Buffer }
}

/** The email sent to `address` whose subject contains `subject`, waiting for it to arrive. */
export async function mailTo(address: string, subject: string, timeoutMs = 5000) {
  const mailbox = await testMailbox()
  const until = Date.now() + timeoutMs
  for (;;) {
    const found = mailbox.sentTo(address).find((mail) => mail.subject.includes(subject))
    if (found) return found
    if (Date.now() > until) {
      const seen = mailbox.sentTo(address).map((mail) => mail.subject)
      throw new Error(`No email “${subject}” reached ${address} (got: ${seen.join(' | ') || 'none'})`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
