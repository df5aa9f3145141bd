/*
 * Fixtures of the My dossiers and account tests: a tenant with a receiving unit and a procedure,
 * a citizen, dossiers filed online by that citizen, and the one-stop system's moves on them
 * (status, detail and a public trail event, as the counter and the processing engine write them).
 */
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import {
  Dossier,
  appendEvent,
  attachFilesToDossier,
  registerDossier,
  storeUploadedFile,
  type RegisterDossierInput,
} from '#intake/index'
import SupplementRequest from '#intake/counter/models/supplement_request'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import type { EformField } from '#catalog/services/eform_definition'
import { minimalPdf, uploadOf } from '#intake/tests/fixtures/files'
import type { User } from '#users/index'
import { createCitizen } from '#tests/helpers/tenants'
import { intakeSetting, type IntakeSetting } from '#intake/tests/helpers'

export interface Applicant {
  setting: IntakeSetting
  citizen: User
}

export async function applicantSetting(): Promise<Applicant> {
  const setting = await intakeSetting()
  return { setting, citizen: await createCitizen(setting.tenant) }
}

/** A dossier the citizen filed on the portal ("Mới đăng ký"). */
export function fileOnline({ setting, citizen }: Applicant, overrides: Partial<RegisterDossierInput> = {}) {
  return withTenant(setting.tenant, () =>
    registerDossier({
      procedureId: setting.procedureId,
      channel: 'online',
      receivingAgencyId: setting.agencyId,
      applicantId: citizen.id,
      applicant: { fullName: citizen.fullName, nationalId: citizen.nationalId, email: citizen.email, phone: citizen.phone },
      statusCode: 'moi_dang_ky',
      formValues: { ho_ten: citizen.fullName },
      event: { action: 'submit', actor: citizen, public: true },
      ...overrides,
    })
  )
}

export interface Move {
  status: string
  detail?: string
  appointmentAt?: DateTime | null
  /** The workflow step the dossier is at (set once accepted). */
  stepKey?: string | null
  action?: string
  comment?: string | null
  public?: boolean
  actorName?: string
  occurredAt?: DateTime
}

/** The one-stop system moves the dossier on: new status and detail, lock version bumped, one trail event. */
export function moveDossier(tenant: Tenant, dossierId: number, move: Move) {
  return withTenant(tenant, async () => {
    const dossier = await Dossier.findOrFail(dossierId)
    const fromStatus = dossier.statusCode
    dossier.merge({ statusCode: move.status, statusDetail: move.detail ?? '', lockVersion: dossier.lockVersion + 1 })
    if (move.appointmentAt !== undefined) dossier.appointmentAt = move.appointmentAt
    if (move.stepKey !== undefined) dossier.currentStepKey = move.stepKey
    await dossier.save()
    await appendEvent(dossier, {
      action: move.action ?? 'change_status',
      actorName: move.actorName ?? 'Cán bộ Một cửa',
      fromStatus,
      toStatus: move.status,
      comment: move.comment ?? null,
      public: move.public ?? true,
      occurredAt: move.occurredAt,
    })
    return dossier
  })
}

export function reload(tenant: Tenant, dossierId: number) {
  return withTenant(tenant, () => Dossier.findOrFail(dossierId))
}

/** A receptionist asks for papers (ST-3): the request with its reason and papers, the status and its detail. */
export async function askForPapers(tenant: Tenant, dossierId: number, reason: string, papers: string[]) {
  const dossier = await moveDossier(tenant, dossierId, {
    status: 'yeu_cau_bo_sung_giay_to',
    detail: `${reason}. Cần bổ sung: ${papers.join('; ')}`,
    action: 'request_supplement',
  })
  await withTenant(tenant, () =>
    SupplementRequest.create({
      dossierId,
      reason,
      papers,
      stepKey: null,
      requestedBy: null,
      requestedAt: DateTime.now(),
      fulfilledAt: null,
    })
  )
  return dossier
}

/** The one-stop system attaches the electronic result and returns the dossier (ST-20, PT-16). */
export async function returnWithResult(tenant: Tenant, dossierId: number, bytes: Buffer, name: string) {
  const file = await withTenant(tenant, async () => {
    const stored = await storeUploadedFile(await uploadOf(bytes, name))
    const dossier = await Dossier.findOrFail(dossierId)
    await attachFilesToDossier(dossier, [{ fileId: stored.id, kind: 'result', label: 'Giấy khai sinh (bản điện tử)' }], null)
    return stored
  })
  await moveDossier(tenant, dossierId, { status: 'da_tra_ket_qua', action: 'return_result' })
  return file
}

const CHANGE_FORM_FIELDS: EformField[] = [
  { key: 'child_name', kind: 'text', label: 'Họ và tên người được khai sinh', required: true },
  { key: 'child_birth_date', kind: 'date', label: 'Ngày sinh', required: true },
  { key: 'note', kind: 'text', label: 'Ghi chú', required: false },
]

/** A level-4 procedure with an e-form and one paper, and a dossier filed with both. */
export async function filedWithForm() {
  const applicant = await applicantSetting()
  const { tenant } = applicant.setting
  const { eform, component } = await withTenant(tenant, async () => {
    const procedure = await Procedure.findOrFail(applicant.setting.procedureId)
    procedure.onlineLevel = 4
    await procedure.save()
    const saved = await saveEformVersion(procedure, CHANGE_FORM_FIELDS, null)
    const paper = await ProcedureComponent.create({
      procedureId: procedure.id,
      position: 1,
      name: 'Giấy chứng sinh',
      originalCopies: 1,
      photocopies: 0,
      isRequired: true,
    })
    return { eform: saved, component: paper }
  })
  const dossier = await fileOnline(applicant, {
    eformId: eform.id,
    eformVersion: eform.version,
    formValues: { child_name: 'NGUYỄN VĂN AN', child_birth_date: '2026-03-05' },
  })
  const original = await withTenant(tenant, async () => {
    const stored = await storeUploadedFile(await uploadOf(minimalPdf('Ban cu'), 'giay-chung-sinh-cu.pdf'))
    await attachFilesToDossier(dossier, [{ fileId: stored.id, kind: 'component', componentId: component.id, label: component.name }], applicant.citizen.id)
    return stored
  })
  return { applicant, dossier: await reload(tenant, dossier.id), component, original }
}
