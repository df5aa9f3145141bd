/*
 * The result document of a dossier (OS-8.7, OS-9, OS-10): the officer handling it attaches the
 * draft (a scan or a signed file) or generates it from the procedure's result template in the
 * catalog (the procedure's own, else the tenant-wide one), filling in the dossier's data and the
 * result's title and content. The newest document is the current one: the approvers sign it off
 * and the counter hands it over (for level-4 services, into the applicant's account). Drafts are
 * officers' files of the dossier until the return delivers the result.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { requireTenantScope } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import { Procedure, slipTemplateFor, type SlipData } from '#catalog/index'
import {
  appendEvent,
  attachFilesToDossier,
  checkUpload,
  slipContent,
  slipDateLine,
  storeUploadedFile,
  uploadLimits,
  UploadRejected,
  type Dossier,
  type UploadedFile,
} from '#intake/index'
import { Agency } from '#users/index'
import { writePdf, MM } from '#documents/pdf'
import { ActionInvalidError } from '#processing/services/errors'
import { PROCESSING } from '#processing/services/status_text'
import ResultDocument from '#processing/special/models/result_document'
import {
  claimDossier,
  clean,
  openDossier,
  requireHolder,
  requireStatus,
  requireStepKind,
  type OpenedDossier,
  type SpecialActionInput,
  type SpecialActionOptions,
} from '#processing/special/services/dossier_action'

/** The dossier's current result document (its newest), with its stored file. */
export function currentResultOf(dossierId: number) {
  return ResultDocument.query().where('dossier_id', dossierId).preload('storedFile').orderBy('id', 'desc').first()
}

export function resultDocumentsOf(dossierId: number) {
  return ResultDocument.query().where('dossier_id', dossierId).preload('storedFile').orderBy('id', 'desc')
}

/** The handler drafts the result, an approver may replace it: at a processing or approval step. */
async function openForResult(input: SpecialActionInput, options: SpecialActionOptions) {
  const opened = await openDossier(input, options)
  requireStepKind(opened.context, ['processing', 'approval'])
  requireHolder(input.actor, opened.context)
  requireStatus(opened.dossier, [PROCESSING])
  return opened
}

async function keepResult(opened: OpenedDossier, input: SpecialActionInput, upload: UploadedFile, title: string, source: 'upload' | 'template') {
  const { dossier, context, at } = opened
  await claimDossier(opened, input.expectedLockVersion)
  const stored = await storeUploadedFile(upload, { uploadedBy: input.actor.id })
  await attachFilesToDossier(dossier, [{ fileId: stored.id, kind: 'other', label: `Dự thảo kết quả: ${title}` }], input.actor.id)
  const document = await ResultDocument.create({ dossierId: dossier.id, storedFileId: stored.id, source, title, createdBy: input.actor.id })
  await appendEvent(dossier, {
    action: 'attach_result',
    actor: { id: input.actor.id, fullName: input.actor.fullName },
    stepKey: context.step!.key,
    fromStatus: dossier.statusCode,
    toStatus: dossier.statusCode,
    comment: source === 'template' ? `Tạo kết quả giải quyết từ mẫu: ${title}` : `Đính kèm kết quả giải quyết: ${title}`,
    attachments: [{ fileId: stored.id, name: stored.originalName, sha256: stored.sha256 }],
    public: false,
    occurredAt: at,
  })
  return { dossier, document }
}

export interface AttachResultInput extends SpecialActionInput {
  title?: string | null
  upload: UploadedFile | null
}

/** The handler (or an approver) attaches the result document. */
export async function attachResultDocument(input: AttachResultInput, options: SpecialActionOptions = {}) {
  const opened = await openForResult(input, options)
  const errors: Record<string, string> = {}
  const title = clean(input.title) ?? 'Kết quả giải quyết'
  if (title.length > 255) errors.title = 'Tên kết quả dài quá 255 ký tự.'
  try {
    await checkUpload(input.upload, uploadLimits())
  } catch (error) {
    if (!(error instanceof UploadRejected)) throw error
    errors.file = error.message
  }
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)
  return keepResult(opened, input, input.upload!, title, 'upload')
}

/** The values of the result template's placeholders for the dossier. */
async function resultData(dossier: Dossier, title: string, content: string, at: DateTime): Promise<SlipData> {
  const { tenant } = requireTenantScope()
  const procedure = await Procedure.query().where('id', dossier.procedureId).preload('agencies').preload('sector').firstOrFail()
  const receiving = await Agency.find(dossier.receivingAgencyId)
  const lead = procedure.agencies[0]?.name ?? receiving?.name ?? ''
  const place = typeof tenant.settings?.place === 'string' ? tenant.settings.place : ''
  return {
    co_quan_cap_tren: tenant.name,
    co_quan: lead,
    dia_danh: place,
    ngay_lap: slipDateLine(at),
    ma_ho_so: dossier.code,
    ten_thu_tuc: procedure.name,
    ma_thu_tuc: procedure.nationalCode,
    linh_vuc: procedure.sector?.name,
    nguoi_nop: dossier.applicantOrganisationName ?? dossier.applicantFullName,
    so_dinh_danh: dossier.applicantNationalId ?? dossier.applicantTaxCode,
    dia_chi: dossier.applicantAddress,
    ngay_nhan: formatDate(dossier.receivedAt),
    don_vi_giai_quyet: lead,
    ten_ket_qua: title,
    noi_dung_ket_qua: content,
  }
}

export interface GenerateResultInput extends SpecialActionInput {
  title: string
  content: string
}

/** The result generated from the procedure's result template as an A4 PDF, kept as the current result. */
export async function generateResultDocument(input: GenerateResultInput, options: SpecialActionOptions = {}) {
  const opened = await openForResult(input, options)
  const errors: Record<string, string> = {}
  const title = clean(input.title)
  if (!title) errors.title = 'Hãy nhập tên kết quả (ví dụ: Giấy phép xây dựng).'
  else if (title.length > 255) errors.title = 'Tên kết quả dài quá 255 ký tự.'
  const content = clean(input.content)
  if (!content) errors.content = 'Hãy nhập nội dung kết quả giải quyết.'
  else if (content.length > 8000) errors.content = 'Nội dung dài quá 8.000 ký tự.'
  if (Object.keys(errors).length) throw new ActionInvalidError(errors)

  const template = await slipTemplateFor('result', { procedureId: opened.dossier.procedureId })
  const data = await resultData(opened.dossier, title!, content!, opened.at)
  const pdf = await writePdf({
    info: { title: `${title} - ${opened.dossier.code}`, subject: opened.dossier.code },
    pageMargins: [30 * MM, 15 * MM, 15 * MM, 15 * MM],
    content: slipContent(template!.body, data),
  })
  const folder = await mkdtemp(join(tmpdir(), 'ket-qua-'))
  const path = join(folder, 'ket-qua.pdf')
  try {
    await writeFile(path, pdf)
    const upload = { tmpPath: path, clientName: `ket-qua-${opened.dossier.code}.pdf`, size: pdf.length }
    return await keepResult(opened, input, upload, title!, 'template')
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
