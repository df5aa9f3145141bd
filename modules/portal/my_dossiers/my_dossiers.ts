/*
 * PT-4.2, PT-16, PT-17, OL-9: the applicant's own dossiers, read through the intake module's
 * surface. Every query is on `applicant_id` inside the request's tenant scope, so another
 * applicant's or another tenant's dossier is simply not found.
 */
import { Procedure } from '#catalog/index'
import { TRAIL_ACTION_LABELS } from '#processing/index'
import {
  Dossier,
  dossierStatusLabels,
  filesOfDossier,
  findApplicantDossier,
  mayApplicant,
  openSupplementRequestOf,
  publicTrailOf,
  returnedAtOf,
  type DossierFile,
  type DossierFileKind,
} from '#intake/index'
import type { User } from '#users/index'
import { shownStatus, statusContextFor } from '#portal/my_dossiers/dossier_status'

export const MY_DOSSIERS_PATH = '/ho-so-cua-toi'
const PAGE_SIZE = 20

export function myDossierPath(dossier: { id: number }, action = '') {
  return `${MY_DOSSIERS_PATH}/${dossier.id}${action ? `/${action}` : ''}`
}

async function procedureNames(ids: number[]) {
  if (!ids.length) return new Map<number, string>()
  const procedures = await Procedure.query().select('id', 'name').whereIn('id', [...new Set(ids)])
  return new Map(procedures.map((procedure) => [procedure.id, procedure.name]))
}

/** The statuses the applicant's dossiers are in, for the filter (label order of Appendix I). */
async function statusChoices(user: User) {
  const rows = await Dossier.query().where('applicant_id', user.id).distinct('status_code')
  const codes = rows.map((row) => row.statusCode)
  const labels = await dossierStatusLabels()
  const order = [...labels.keys()]
  return codes
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((code) => ({ value: code, label: labels.get(code) ?? code }))
}

/** One page of the applicant's dossiers, newest first, optionally in one status. */
export async function listMyDossiers(user: User, filters: { status?: string; page?: number }) {
  const query = Dossier.query().where('applicant_id', user.id)
  if (filters.status) query.where('status_code', filters.status)
  const paginator = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').paginate(filters.page ?? 1, PAGE_SIZE)
  paginator.baseUrl(MY_DOSSIERS_PATH).queryString(filters.status ? { status: filters.status } : {})

  // One after the other: the request's queries share one transaction's connection.
  const dossiers = paginator.all()
  const names = await procedureNames(dossiers.map((dossier) => dossier.procedureId))
  const context = await statusContextFor(dossiers, returnedAtOf)
  const statuses = await statusChoices(user)
  return {
    paginator,
    statuses,
    rows: dossiers.map((dossier) => ({
      dossier,
      procedureName: names.get(dossier.procedureId) ?? '',
      status: shownStatus(dossier, context),
    })),
  }
}

const SHOWN_FILE_KINDS: DossierFileKind[] = ['component', 'supplement', 'scan', 'other']

/** "350 KB", "1,2 MB" */
export function fileSize(bytes: number) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
}

/** A dossier file as the page lists it. */
function shownFile(file: DossierFile) {
  return {
    storedFileId: file.storedFileId,
    label: file.label || file.storedFile.originalName,
    name: file.storedFile.originalName,
    size: fileSize(file.storedFile.sizeBytes),
  }
}

/** One dossier of the applicant with what the detail page shows, or a 404. */
export async function myDossierDetail(user: User, dossierId: number) {
  const dossier = await findApplicantDossier(user.id, dossierId)
  const names = await procedureNames([dossier.procedureId])
  const context = await statusContextFor([dossier], returnedAtOf)
  const trail = await publicTrailOf(dossier.id)
  const files = await filesOfDossier(dossier, SHOWN_FILE_KINDS)
  const results = await filesOfDossier(dossier, ['result'])
  const supplementRequest = mayApplicant('supplement', dossier) ? await openSupplementRequestOf(dossier) : null
  const eventLabels = await dossierStatusLabels()
  return {
    dossier,
    procedureName: names.get(dossier.procedureId) ?? '',
    status: shownStatus(dossier, context),
    trail: trail.map((event) => ({
      event,
      // The engine's label of the action; the page words the others (the applicant's change).
      actionLabel: TRAIL_ACTION_LABELS[event.action] ?? null,
      statusLabel:
        event.toStatus && event.toStatus !== event.fromStatus ? (eventLabels.get(event.toStatus) ?? event.toStatus) : null,
    })),
    files: files.map(shownFile),
    // PT-16, PT-17: the electronic result is the applicant's once the dossier is returned.
    results: dossier.statusCode === 'da_tra_ket_qua' ? results.map(shownFile) : [],
    supplementRequest,
    may: {
      withdraw: mayApplicant('withdraw', dossier),
      restore: mayApplicant('restore', dossier),
      change: mayApplicant('change', dossier),
      supplement: mayApplicant('supplement', dossier),
      rate: dossier.statusCode === 'da_tra_ket_qua',
    },
  }
}

export type MyDossierDetail = Awaited<ReturnType<typeof myDossierDetail>>
