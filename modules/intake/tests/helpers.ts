/** Fixtures of the intake tests: a tenant with a receiving unit and a procedure, a fixed clock. */
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import { createTenant } from '#tests/helpers/tenants'
import { addProcedure } from '#catalog/tests/fixtures/procedures'
import { registerDossier, type RegisterDossierInput } from '#intake/services/register_dossier'
import type { Clock } from '#intake/services/clock'

export interface IntakeSetting {
  tenant: Tenant
  agencyId: number
  unitCode: string
  procedureId: number
}

export async function intakeSetting(
  options: { unitCode?: string; settings?: Record<string, unknown> } = {}
): Promise<IntakeSetting> {
  const tenant = await createTenant()
  if (options.settings) {
    tenant.settings = options.settings
    await tenant.save()
  }
  const unitCode = options.unitCode ?? '000.00.01.H22'
  const agency = await withTenant(tenant, () => Agency.create({ code: unitCode, name: 'Bộ phận Một cửa' }))
  const procedure = await addProcedure(tenant, 'published')
  return { tenant, agencyId: agency.id, unitCode, procedureId: procedure.id }
}

/** A clock stopped at a moment given in Vietnam's time, e.g. '2026-04-15T09:30:00'. */
export function clockAt(vietnamTime: string): Clock {
  const at = DateTime.fromISO(vietnamTime, { zone: 'Asia/Ho_Chi_Minh' })
  return () => at
}

export function counterIntake(setting: IntakeSetting, overrides: Partial<RegisterDossierInput> = {}): RegisterDossierInput {
  return {
    procedureId: setting.procedureId,
    channel: 'counter',
    receivingAgencyId: setting.agencyId,
    applicant: { fullName: 'Nguyễn Văn An', nationalId: '001090012345', phone: '0912000111', address: '1 Tràng Tiền' },
    statusCode: 'duoc_tiep_nhan',
    event: { action: 'receive', actorName: 'Cán bộ Một cửa', public: true },
    ...overrides,
  }
}

/** Registers a counter dossier in a transaction of its own. */
export function intake(setting: IntakeSetting, clock: Clock, overrides: Partial<RegisterDossierInput> = {}) {
  return withTenant(setting.tenant, () => registerDossier(counterIntake(setting, overrides), { clock }))
}

export function sequenceOf(code: string) {
  return Number(code.slice(code.lastIndexOf('-') + 1))
}
