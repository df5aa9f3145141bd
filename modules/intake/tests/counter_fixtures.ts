/*
 * Fixtures of the counter's tests: a tenant whose receptionist sits in a receiving unit, a
 * published procedure with components, an e-form and a four-step workflow (5 working days), and
 * dossiers filed on the portal.
 */
import { randomUUID } from 'node:crypto'
import type { ApiClient } from '@japa/api-client'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import User from '#users/models/user'
import Agency from '#users/models/agency'
import Sector from '#catalog/models/sector'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import { fourStepFlow } from '#catalog/tests/helpers/workflows'
import { currentWorkflow } from '#catalog/queries/workflows'
import type { EformField } from '#catalog/services/eform_definition'
import { createCitizen, createOfficer, createTenant, hostOf } from '#tests/helpers/tenants'
import { registerDossier, type RegisterDossierInput } from '#intake/services/register_dossier'
import Dossier from '#intake/models/dossier'
import type { Clock } from '#intake/services/clock'

export const UNIT_CODE = '000.00.01.H22'

export const EFORM_FIELDS: EformField[] = [
  { key: 'ho_ten', label: 'Họ và tên người yêu cầu', kind: 'text', required: true, prefill: 'full_name' },
  { key: 'noi_dung', label: 'Nội dung yêu cầu', kind: 'text', required: true },
]

export interface CounterSetting {
  tenant: Tenant
  receptionist: User
  procedure: Procedure
  components: ProcedureComponent[]
  host: string
}

export async function counterSetting(options: { workflow?: boolean; eform?: boolean } = {}): Promise<CounterSetting> {
  const tenant = await createTenant()
  const receptionist = await createOfficer(tenant, ['receptionist'])
  const { procedure, components } = await withTenant(tenant, async () => {
    // The receptionist's agency is the receiving unit: its identifier code heads the dossier codes.
    await Agency.query().where('id', receptionist.agencyId!).update({ code: UNIT_CODE, name: 'Bộ phận Một cửa' })
    const sector = await Sector.create({ code: 'HT', name: 'Hộ tịch', position: 1 })
    const created = await Procedure.create({
      sectorId: sector.id,
      nationalCode: '1.001193',
      isSampleCode: true,
      name: 'Đăng ký khai sinh',
      stepsDescription: '',
      channels: ['in_person', 'online', 'postal'],
      legalDeadlineDays: 5,
      resultType: 'Giấy khai sinh',
      conditions: '',
      legalBasis: 'Luật Hộ tịch số 60/2014/QH13',
      onlineLevel: 4,
      applicantTypes: ['citizen'],
      administrativeLevel: 'commune',
      resultByPost: true,
      resultOnline: true,
      status: 'published',
    })
    const lines = await ProcedureComponent.createMany([
      { procedureId: created.id, position: 0, name: 'Tờ khai đăng ký khai sinh', originalCopies: 1, photocopies: 0, isRequired: true },
      { procedureId: created.id, position: 1, name: 'Giấy chứng sinh', originalCopies: 1, photocopies: 0, isRequired: true },
      { procedureId: created.id, position: 2, name: 'Văn bản ủy quyền', originalCopies: 1, photocopies: 0, isRequired: false },
    ])
    if (options.workflow !== false) {
      const saved = await saveWorkflowVersion(created, fourStepFlow())
      if (!saved.saved) throw new Error(JSON.stringify(saved.violations))
    }
    if (options.eform !== false) await saveEformVersion(created, EFORM_FIELDS, null)
    return { procedure: created, components: lines }
  })
  return { tenant, receptionist, procedure, components, host: hostOf(tenant) }
}

/** A dossier filed on the portal by a citizen with an email (ST-2), or in another status given. */
export async function portalDossier(setting: CounterSetting, clock: Clock, overrides: Partial<RegisterDossierInput> = {}) {
  const citizen = await createCitizen(setting.tenant)
  return withTenant(setting.tenant, async () => {
    const workflowId = (await currentWorkflow(setting.procedure))?.id ?? null
    return registerDossier(
      {
        procedureId: setting.procedure.id,
        workflowId,
        channel: 'online',
        receivingAgencyId: setting.receptionist.agencyId!,
        applicantId: citizen.id,
        applicant: { fullName: citizen.fullName, nationalId: citizen.nationalId, phone: citizen.phone, email: citizen.email },
        statusCode: 'moi_dang_ky',
        currentStepKey: 'tiep_nhan',
        event: { action: 'submit', actor: citizen, public: true },
        ...overrides,
      },
      { clock }
    )
  })
}

/** The dossier as it now stands in the database. */
export function reload(setting: CounterSetting, id: number) {
  return withTenant(setting.tenant, () => Dossier.findOrFail(id))
}

export function dossierCount(setting: CounterSetting) {
  return withTenant(setting.tenant, async () => Number((await Dossier.query().count('* as total'))[0].$extras.total))
}

/** A unique address for the test mailbox. */
export function freshEmail() {
  return `nguoinop-${randomUUID().slice(0, 8)}@example.vn`
}

/** The counter's intake form as a receptionist posts it; `fields` override or add inputs. */
export function postIntake(client: ApiClient, setting: CounterSetting, fields: Record<string, unknown>) {
  return client
    .post('/mot-cua/tiep-nhan/moi')
    .header('host', setting.host)
    .loginAs(setting.receptionist)
    .withCsrfToken()
    .redirects(0)
    .form({
      '_procedure': String(setting.procedure.id),
      '_channel': 'counter',
      '_applicant[full_name]': 'Trần Thị Bình',
      '_applicant[national_id]': '001190012345',
      '_applicant[phone]': '0987654321',
      'ho_ten': 'Trần Thị Bình',
      'noi_dung': 'Đăng ký khai sinh cho con',
      ...fields,
    })
}
