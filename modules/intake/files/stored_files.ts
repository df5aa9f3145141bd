/*
 * Files people hand in (NF-10, OS-2.2, OS-2.3): an upload is checked by its content and size
 * before anything is written, then its bytes go to the private `files` Drive disk under a random
 * key and a `stored_files` row records its name, type, size and SHA-256. Dossiers refer to stored
 * files through `dossier_files`.
 *
 * The bytes are written before the row, outside the tenant transaction: a transaction rolled back
 * later leaves an unreferenced file on the disk, never a row without its bytes.
 */
import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'
import { requireTenantScope } from '#tenancy/tenant_context'
import { detectAllowedType, sha256OfFile, type KnownType } from '#catalog/index'
import type Dossier from '#intake/models/dossier'
import StoredFile from '#intake/files/stored_file'
import DossierFile, { type DossierFileKind } from '#intake/files/dossier_file'

/** The types a dossier file may have (Circular 39/2017 text and image formats, NF-7). */
export const STORED_FILE_TYPES = ['pdf', 'jpg', 'png', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'rtf'] as const satisfies readonly KnownType[]
export type StoredFileType = (typeof STORED_FILE_TYPES)[number]
/** Per-file limit when the tenant sets none (`tenants.settings.maxUploadMb`). */
export const DEFAULT_MAX_UPLOAD_MB = 10

export type UploadProblem = 'missing' | 'too_large' | 'bad_type'

/** An upload refused before anything was stored; `message` is for the person who chose the file. */
export class UploadRejected extends Error {
  constructor(
    readonly problem: UploadProblem,
    message: string
  ) {
    super(message)
  }
}

/** What the body parser gives for an uploaded file (MultipartFile), or a file on disk in the same shape. */
export interface UploadedFile {
  tmpPath?: string
  clientName: string
  size: number
}

export interface UploadLimits {
  types: StoredFileType[]
  maxMb: number
}

/**
 * The types and size a file may have (OS-2.3: stated where the file is chosen): the platform's
 * types and the tenant's size limit, narrowed by a field's own when it has them.
 */
export function uploadLimits(narrower: { types?: readonly string[]; maxMb?: number } = {}): UploadLimits {
  const { tenant } = requireTenantScope()
  const setting = Number(tenant.settings?.maxUploadMb)
  const tenantMax = Number.isFinite(setting) && setting > 0 ? setting : DEFAULT_MAX_UPLOAD_MB
  const types = narrower.types
    ? STORED_FILE_TYPES.filter((type) => narrower.types!.includes(type))
    : [...STORED_FILE_TYPES]
  return { types, maxMb: narrower.maxMb ? Math.min(narrower.maxMb, tenantMax) : tenantMax }
}

/** ".pdf, .jpg, .png" */
export function typeList(types: readonly string[]) {
  return types.map((type) => `.${type}`).join(', ')
}

/** "10 MB", "0,5 MB" */
export function sizeLabel(megabytes: number) {
  return `${String(megabytes).replace('.', ',')} MB`
}

function reject(problem: UploadProblem, limits: UploadLimits, i18n?: I18n): never {
  const messages = i18n ?? i18nManager.locale('vi')
  throw new UploadRejected(
    problem,
    messages.t(`files.errors.${problem}`, { types: typeList(limits.types), max: sizeLabel(limits.maxMb) })
  )
}

/** Checks an upload (present, within the size limit, an allowed type by its name and its content). */
export async function checkUpload(
  file: UploadedFile | null | undefined,
  limits: UploadLimits = uploadLimits(),
  i18n?: I18n
) {
  if (!file || !file.tmpPath || file.size === 0) reject('missing', limits, i18n)
  if (file.size > limits.maxMb * 1024 * 1024) reject('too_large', limits, i18n)
  const detected = await detectAllowedType(file.tmpPath, file.clientName, limits.types)
  if (!detected) reject('bad_type', limits, i18n)
  return detected
}

export interface StoreOptions {
  /** The applicant's account the file belongs to (portal uploads). */
  ownerUserId?: number | null
  /** Who uploaded it (the applicant, or the officer at the counter). */
  uploadedBy?: number | null
  /** A field's own limits, within the platform's. */
  types?: readonly string[]
  maxMb?: number
  /** Messages in this language; Vietnamese by default. */
  i18n?: I18n
}

/**
 * Stores an upload (MultipartFile) after checking it; throws UploadRejected with a message for
 * the person when it is missing, too large or not an allowed type by its content.
 */
export async function storeUploadedFile(file: UploadedFile | null | undefined, options: StoreOptions = {}) {
  const limits = uploadLimits({ types: options.types, maxMb: options.maxMb })
  const detected = await checkUpload(file, limits, options.i18n)
  const upload = file!
  const { tenant } = requireTenantScope()
  const sha256 = await sha256OfFile(upload.tmpPath!)
  const key = `tenants/${tenant.id}/dossier-files/${randomUUID()}.${detected.type}`
  await drive.use('files').moveFromFs(upload.tmpPath!, key)
  try {
    return await StoredFile.create({
      originalName: upload.clientName.normalize('NFC').slice(0, 255),
      fileType: detected.type,
      mediaType: detected.mime,
      sizeBytes: upload.size,
      sha256,
      storageKey: key,
      uploadedBy: options.uploadedBy ?? null,
      ownerUserId: options.ownerUserId ?? null,
    })
  } catch (error) {
    await drive.use('files').delete(key)
    throw error
  }
}

/** The file's bytes. */
export async function readStoredFile(file: StoredFile): Promise<Buffer> {
  return Buffer.from(await drive.use('files').getBytes(file.storageKey))
}

/** The file's bytes as a stream, for downloads. */
export function streamStoredFile(file: StoredFile) {
  return drive.use('files').getStream(file.storageKey)
}

export interface FileAttachment {
  fileId: number
  kind: DossierFileKind
  componentId?: number | null
  label?: string
}

/** Makes stored files part of a dossier (the files must exist in this tenant). */
export async function attachFilesToDossier(dossier: Dossier, attachments: FileAttachment[], addedBy: number | null) {
  requireTenantScope()
  const created: DossierFile[] = []
  for (const attachment of attachments) {
    const file = await StoredFile.findOrFail(attachment.fileId)
    created.push(
      await DossierFile.create({
        dossierId: dossier.id,
        storedFileId: file.id,
        kind: attachment.kind,
        procedureComponentId: attachment.componentId ?? null,
        label: (attachment.label ?? file.originalName).normalize('NFC').trim(),
        addedBy,
      })
    )
  }
  return created
}

/** A dossier's files in the order they were added, each with its stored file; optionally of some kinds only. */
export function filesOfDossier(dossier: Dossier, kinds?: DossierFileKind[]) {
  const query = DossierFile.query().where('dossier_id', dossier.id).preload('storedFile').orderBy('id', 'asc')
  if (kinds?.length) query.whereIn('kind', kinds)
  return query
}
