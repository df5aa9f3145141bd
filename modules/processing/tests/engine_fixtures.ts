/*
 * Fixtures of the workflow runtime's tests: a tenant with a receiving unit, its counter, a
 * specialist department and the leadership, officers in each role, a procedure of 10 working
 * days on the "leader_approval" template (tiếp nhận → phân công → thụ lý → kiểm tra → phê duyệt
 * → trả kết quả), and dossiers accepted at the counter the way the counter registers them.
 */
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Department from '#users/models/department'
import User, { type OfficerRole } from '#users/models/user'
import Procedure from '#catalog/models/procedure'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'
import { defaultWorkflowFor, type TemplateKey } from '#catalog/services/workflow_templates'
import { loadWorkingCalendar } from '#catalog/services/working_calendar'
import { ensureLegalStatuses } from '#catalog/services/statuses'
import { registerDossier } from '#intake/services/register_dossier'
import Dossier from '#intake/models/dossier'
import type { Clock } from '#intake/services/clock'
import { intakeSetting } from '#intake/tests/helpers'
import { TEST_PASSWORD } from '#tests/helpers/tenants'
import { performAction, type PerformActionInput } from '#processing/services/engine'
import { loadWorkflowRuntime } from '#processing/services/workflow_runtime'

export const VIETNAM = 'Asia/Ho_Chi_Minh'

/** A moment in Vietnam's time, e.g. '2026-06-01T08:00:00'. */
export function vn(iso: string) {
  return DateTime.fromISO(iso, { zone: VIETNAM })
}

export function clockOf(moment: DateTime): Clock {
  return () => moment
}

export interface EngineSetting {
  tenant: Tenant
  agencyId: number
  procedureId: number
  workflowId: number
  counter: Department
  specialist: Department
  leadership: Department
  receptionist: User
  deptHead: User
  handler: User
  otherHandler: User
  approver: User
  /** A handler of another department. */
  outsider: User
}

async function officer(department: Department, fullName: string, roles: OfficerRole[], position = 'Chuyên viên') {
  return User.create({
    kind: 'officer',
    email: `canbo-${randomUUID().slice(0, 8)}@example.vn`,
    fullName,
    position,
    agencyId: department.agencyId,
    departmentId: department.id,
    roles,
    password: TEST_PASSWORD,
    isActive: true,
  })
}

export async function engineSetting(options: { template?: TemplateKey; legalDeadlineDays?: number } = {}): Promise<EngineSetting> {
  const setting = await intakeSetting()
  return withTenant(setting.tenant, async () => {
    await ensureLegalStatuses()
    const counter = await Department.create({ agencyId: setting.agencyId, name: 'Bộ phận Một cửa' })
    const specialist = await Department.create({ agencyId: setting.agencyId, name: 'Phòng Tư pháp' })
    const leadership = await Department.create({ agencyId: setting.agencyId, name: 'Lãnh đạo Sở' })
    const other = await Department.create({ agencyId: setting.agencyId, name: 'Phòng Kinh tế' })
    const procedure = await Procedure.findOrFail(setting.procedureId)
    procedure.legalDeadlineDays = options.legalDeadlineDays ?? 10
    await procedure.save()
    const saved = await saveWorkflowVersion(
      procedure,
      defaultWorkflowFor(procedure, {
        template: options.template ?? 'leader_approval',
        departments: { counter: counter.id, department: specialist.id, leadership: leadership.id, partner: specialist.id },
      })
    )
    if (!saved.saved) throw new Error(saved.violations.map((violation) => violation.message).join('; '))
    return {
      tenant: setting.tenant,
      agencyId: setting.agencyId,
      procedureId: procedure.id,
      workflowId: saved.workflow.id,
      counter,
      specialist,
      leadership,
      receptionist: await officer(counter, 'Trần Thị Tiếp', ['receptionist'], 'Cán bộ một cửa'),
      deptHead: await officer(specialist, 'Phạm Thị Phòng', ['dept_head'], 'Trưởng phòng'),
      handler: await officer(specialist, 'Lê Văn Thụ', ['handler']),
      otherHandler: await officer(specialist, 'Đỗ Thị Lý', ['handler']),
      approver: await officer(leadership, 'Hoàng Văn Đạo', ['approver'], 'Phó Giám đốc'),
      outsider: await officer(other, 'Ngô Văn Ngoài', ['handler', 'dept_head']),
    }
  })
}

/** A dossier accepted at the counter at `at`, at the intake step, with its appointment date (as the counter registers it). */
export async function acceptedDossier(setting: EngineSetting, at: DateTime, applicantEmail: string | null = null) {
  return withTenant(setting.tenant, async () => {
    const calendar = await loadWorkingCalendar()
    const procedure = await Procedure.findOrFail(setting.procedureId)
    return registerDossier(
      {
        procedureId: setting.procedureId,
        workflowId: setting.workflowId,
        channel: 'counter',
        receivingAgencyId: setting.agencyId,
        applicant: { fullName: 'Nguyễn Văn An', nationalId: '001090012345', phone: '0912000111', email: applicantEmail },
        statusCode: 'duoc_tiep_nhan',
        appointmentAt: calendar.addWorkingDays(at, Number(procedure.legalDeadlineDays)),
        currentStepKey: 'tiep_nhan',
        event: { action: 'receive', actor: { id: setting.receptionist.id, fullName: setting.receptionist.fullName }, public: true },
      },
      { clock: clockOf(at) }
    )
  })
}

/** The dossier as it is now, read in a transaction of its own. */
export function reload(setting: EngineSetting, dossierId: number) {
  return withTenant(setting.tenant, () => Dossier.findOrFail(dossierId))
}

/** The id of the transition named `action` leaving `stepKey` in the setting's workflow. */
export async function transitionId(setting: EngineSetting, stepKey: string, action: string) {
  return withTenant(setting.tenant, async () => {
    const runtime = await loadWorkflowRuntime(setting.workflowId)
    const found = runtime!.transitionsFrom(stepKey).find((transition) => transition.action === action)
    if (!found) throw new Error(`No transition “${action}” from ${stepKey}`)
    return found.id
  })
}

/** Performs the action named `action` from the dossier's current step, with its current lock version. */
export async function act(
  setting: EngineSetting,
  dossierId: number,
  actor: User,
  action: string,
  at: DateTime,
  extra: Partial<PerformActionInput> = {}
) {
  const dossier = await reload(setting, dossierId)
  const id = await transitionId(setting, dossier.currentStepKey!, action)
  return withTenant(setting.tenant, () =>
    performAction(
      { dossierId, transitionId: id, expectedLockVersion: dossier.lockVersion, actor, ...extra },
      { clock: clockOf(at) }
    )
  )
}
