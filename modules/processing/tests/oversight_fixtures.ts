/*
 * Fixtures of the oversight tests (search, dashboards, digest, direction view): a tenant with two
 * receiving agencies, two processing departments, officers in every role, two procedures in two
 * sectors with their workflows, and dossiers placed at a step of their workflow, held by a
 * department and an officer, as the engine leaves them.
 */
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Agency from '#users/models/agency'
import Department from '#users/models/department'
import User, { type OfficerRole } from '#users/models/user'
import Sector from '#catalog/models/sector'
import Procedure from '#catalog/models/procedure'
import WorkflowStep from '#catalog/models/workflow_step'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'
import { defaultWorkflowFor } from '#catalog/services/workflow_templates'
import { ensureLegalStatuses } from '#catalog/services/statuses'
import { registerDossier, type ApplicantSnapshot } from '#intake/services/register_dossier'
import type Dossier from '#intake/models/dossier'
import DossierStep from '#processing/models/dossier_step'
import DossierClock from '#processing/models/dossier_clock'
import type { ApiRequest, ApiResponse } from '@japa/api-client'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'

export const VIETNAM = 'Asia/Ho_Chi_Minh'

/** A moment given in Vietnam's time, e.g. '2026-04-15T09:30:00'. */
export function vn(iso: string) {
  return DateTime.fromISO(iso, { zone: VIETNAM })
}

export interface OversightSetting {
  tenant: Tenant
  wardAgency: Agency
  constructionAgency: Agency
  counter: Department
  urbanDepartment: Department
  justiceDepartment: Department
  receptionist: User
  handler: User
  otherHandler: User
  justiceHandler: User
  deptHead: User
  leader: User
  birthRegistration: Procedure
  buildingPermit: Procedure
}

async function officer(fullName: string, roles: OfficerRole[], department: Department, position = 'Chuyên viên') {
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

/** One more officer of the setting's tenant, in `department`. */
export async function addOfficer(setting: OversightSetting, fullName: string, roles: OfficerRole[], department: Department) {
  return withTenant(setting.tenant, () => officer(fullName, roles, department))
}

async function procedureWithWorkflow(
  sector: Sector,
  name: string,
  legalDeadlineDays: number,
  departments: { counter: number; department: number }
) {
  const procedure = await Procedure.create({
    sectorId: sector.id,
    name,
    legalDeadlineDays,
    status: 'published',
    isSampleCode: true,
  })
  const saved = await saveWorkflowVersion(
    procedure,
    defaultWorkflowFor(procedure, { template: 'leader_approval', departments })
  )
  if (!saved.saved) throw new Error(`Fixture workflow refused: ${JSON.stringify(saved.violations)}`)
  return procedure
}

export async function oversightSetting(): Promise<OversightSetting> {
  const tenant = await createTenant()
  return withTenant(tenant, async () => {
    await ensureLegalStatuses()
    const wardAgency = await Agency.create({ code: '000.00.01.H22', name: 'UBND phường Trung Tâm' })
    const constructionAgency = await Agency.create({ code: '000.00.02.H22', name: 'Sở Xây dựng' })
    const counter = await Department.create({ agencyId: wardAgency.id, name: 'Bộ phận Một cửa' })
    const urbanDepartment = await Department.create({ agencyId: constructionAgency.id, name: 'Phòng Quản lý đô thị' })
    const justiceDepartment = await Department.create({ agencyId: wardAgency.id, name: 'Phòng Tư pháp' })
    const civil = await Sector.create({ code: 'HT', name: 'Hộ tịch', position: 1 })
    const construction = await Sector.create({ code: 'XD', name: 'Xây dựng', position: 2 })
    return {
      tenant,
      wardAgency,
      constructionAgency,
      counter,
      urbanDepartment,
      justiceDepartment,
      receptionist: await officer('Trần Thị Tiếp', ['receptionist'], counter),
      handler: await officer('Lê Văn Thụ', ['handler'], urbanDepartment),
      otherHandler: await officer('Phạm Thị Lý', ['handler'], urbanDepartment),
      justiceHandler: await officer('Đỗ Văn Tư', ['handler'], justiceDepartment),
      deptHead: await officer('Hoàng Văn Trưởng', ['dept_head'], urbanDepartment, 'Trưởng phòng'),
      leader: await officer('Vũ Thị Lãnh', ['approver'], urbanDepartment, 'Phó Giám đốc'),
      birthRegistration: await procedureWithWorkflow(civil, 'Đăng ký khai sinh', 3, {
        counter: counter.id,
        department: justiceDepartment.id,
      }),
      buildingPermit: await procedureWithWorkflow(construction, 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 15, {
        counter: counter.id,
        department: urbanDepartment.id,
      }),
    }
  })
}

export interface Placement {
  procedure: Procedure
  agency: Agency
  /** The workflow step the dossier stands at (tiep_nhan, phan_cong, thu_ly, kiem_tra, phe_duyet, tra_ket_qua), or null. */
  step: string | null
  statusCode: string
  assignee?: User | null
  receivedAt: DateTime
  appointmentAt?: DateTime | null
  /** When the current step is due. */
  stepDueAt?: DateTime | null
  channel?: 'counter' | 'online' | 'postal'
  applicant?: ApplicantSnapshot
  /** Steps already passed, oldest first. */
  history?: {
    step: string
    startedAt: DateTime
    finishedAt: DateTime
    dueAt?: DateTime | null
    assignee?: User | null
    /** Who finished the step, when not its assignee. */
    finishedBy?: User | null
    /** The status the step led to (yeu_cau_bo_sung_giay_to for a supplement request). */
    finishedStatus?: string
  }[]
  /** The clock stopped at this moment (a supplement is awaited). */
  clockStoppedAt?: DateTime | null
}

/** A dossier registered and moved to a step of its workflow, as the engine would leave it. */
export async function placeDossier(setting: OversightSetting, placement: Placement): Promise<Dossier> {
  return withTenant(setting.tenant, async () => {
    const workflowSteps = await WorkflowStep.query()
      .whereIn('workflow_id', (current) => current.from('workflows').select('id').where('procedure_id', placement.procedure.id).where('is_current', true))
    const stepOf = (key: string) => {
      const found = workflowSteps.find((step) => step.key === key)
      if (!found) throw new Error(`No step ${key} in the workflow of ${placement.procedure.name}`)
      return found
    }
    const current = placement.step ? stepOf(placement.step) : null
    const dossier = await registerDossier(
      {
        procedureId: placement.procedure.id,
        workflowId: workflowSteps[0].workflowId,
        channel: placement.channel ?? 'counter',
        receivingAgencyId: placement.agency.id,
        applicant: placement.applicant ?? { fullName: 'Nguyễn Văn An', nationalId: '001090012345', phone: '0912000111' },
        statusCode: placement.statusCode,
        appointmentAt: placement.appointmentAt ?? null,
        currentStepKey: placement.step,
        event: { action: 'receive', actorName: 'Cán bộ Một cửa', public: true },
      },
      { clock: () => placement.receivedAt }
    )
    for (const passed of placement.history ?? []) {
      const step = stepOf(passed.step)
      await DossierStep.create({
        dossierId: dossier.id,
        workflowStepId: step.id,
        stepKey: step.key,
        stepName: step.name,
        departmentId: step.departmentId,
        assigneeId: passed.assignee?.id ?? null,
        startedAt: passed.startedAt,
        allowedMinutes: step.timeLimitMinutes,
        dueAt: passed.dueAt ?? null,
        clockStopped: false,
        finishedAt: passed.finishedAt,
        finishedBy: (passed.finishedBy ?? passed.assignee)?.id ?? null,
        finishedStatus: passed.finishedStatus ?? 'dang_xu_ly',
      })
    }
    if (current) {
      await DossierStep.create({
        dossierId: dossier.id,
        workflowStepId: current.id,
        stepKey: current.key,
        stepName: current.name,
        departmentId: current.departmentId,
        assigneeId: placement.assignee?.id ?? null,
        startedAt: placement.history?.at(-1)?.finishedAt ?? placement.receivedAt,
        allowedMinutes: current.timeLimitMinutes,
        dueAt: placement.stepDueAt ?? null,
        clockStopped: Boolean(placement.clockStoppedAt),
        finishedAt: null,
      })
    }
    if (placement.clockStoppedAt) {
      await DossierClock.create({ dossierId: dossier.id, stoppedAt: placement.clockStoppedAt, stoppedMinutesTotal: 0 })
    }
    return dossier
  })
}

/** Sends the request and reads the body as bytes, whatever its type (superagent would parse or drop it). */
export async function bytesOf(request: ApiRequest): Promise<{ response: ApiResponse; bytes: Buffer }> {
  ;(request as any).request.buffer(true).parse((res: any, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
  const response = await request
  return { response, bytes: response.body() as Buffer }
}
