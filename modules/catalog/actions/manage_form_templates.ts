/*
 * OS-2.5, OL-7: form templates of a procedure. The file's type is read from its content; the
 * file goes to the private `files` Drive disk under a random key, and the row records its
 * original name, detected type, size and SHA-256 checksum.
 */
import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import FormTemplate from '#catalog/models/form_template'
import Procedure from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import { requireTenantScope } from '#tenancy/tenant_context'
import {
  FORM_TEMPLATE_MAX_MB,
  FORM_TEMPLATE_TYPES,
  detectAllowedType,
  sha256OfFile,
} from '#catalog/services/file_content'

export type TemplateFileProblem = 'file_missing' | 'file_too_large' | 'file_bad_type'

export class TemplateFileError extends Error {
  constructor(readonly problem: TemplateFileProblem) {
    super(problem)
  }
}

export interface TemplateDetails {
  name: string
  legal_basis?: string
  procedure_component_id?: number
}

export function templatesOf(procedureId: number) {
  return FormTemplate.query().where('procedure_id', procedureId).orderBy('created_at', 'asc').orderBy('id', 'asc')
}

/** Checks the upload (presence, size, type by content) before anything is written. */
export async function checkTemplateFile(file: MultipartFile | null) {
  if (!file || !file.tmpPath) throw new TemplateFileError('file_missing')
  if (file.size > FORM_TEMPLATE_MAX_MB * 1024 * 1024) throw new TemplateFileError('file_too_large')
  const detected = await detectAllowedType(file.tmpPath, file.clientName, FORM_TEMPLATE_TYPES)
  if (!detected) throw new TemplateFileError('file_bad_type')
  return detected
}

export async function uploadFormTemplate(
  procedure: Procedure,
  details: TemplateDetails,
  file: MultipartFile | null,
  uploadedBy: number | null
) {
  const detected = await checkTemplateFile(file)
  const upload = file!
  if (details.procedure_component_id) {
    await ProcedureComponent.query()
      .where('id', details.procedure_component_id)
      .where('procedure_id', procedure.id)
      .firstOrFail()
  }
  const checksum = await sha256OfFile(upload.tmpPath!)
  const { tenant } = requireTenantScope()
  const key = `tenants/${tenant.id}/form-templates/${randomUUID()}.${detected.type}`
  await drive.use('files').moveFromFs(upload.tmpPath!, key)
  try {
    return await FormTemplate.create({
      procedureId: procedure.id,
      procedureComponentId: details.procedure_component_id ?? null,
      name: details.name,
      legalBasis: details.legal_basis ?? '',
      fileKey: key,
      originalName: upload.clientName.slice(0, 255),
      mimeType: detected.mime,
      sizeBytes: upload.size,
      checksumSha256: checksum,
      uploadedBy,
    })
  } catch (error) {
    await drive.use('files').delete(key)
    throw error
  }
}

export async function deleteFormTemplate(template: FormTemplate) {
  await template.delete()
  await drive.use('files').delete(template.fileKey)
}

/**
 * A template a visitor may download: any template of a published procedure; drafts only for
 * those who administer the catalogue. Another tenant's id is simply not found.
 */
export async function downloadableTemplate(id: number, canSeeDrafts: boolean) {
  const template = await FormTemplate.query().where('id', id).preload('procedure').firstOrFail()
  if (!template.procedure.isPublished && !canSeeDrafts) return null
  return template
}
