/*
 * The Vietnamese label of every status a dossier can have, one list for every screen and print,
 * the citizen's and the officer's: Appendix I (fixed by law, not editable), the withdrawal
 * (national portal status 7, set by the applicant), then the tenant's own statuses.
 */
import { LEGAL_STATUSES, Status } from '#catalog/index'
import { WITHDRAWN_STATUS } from '#intake/applicant/applicant_dossiers'

/** `(code) => label` over dossierStatusLabels(), for views (the code itself for one nobody knows). */
export async function statusLabelFunction(): Promise<(code: string) => string> {
  const labels = await dossierStatusLabels()
  return (code) => labels.get(code) ?? code
}

export async function dossierStatusLabels(): Promise<Map<string, string>> {
  const labels = new Map<string, string>(LEGAL_STATUSES.map((status) => [status.code, status.label]))
  labels.set(WITHDRAWN_STATUS.code, WITHDRAWN_STATUS.label)
  for (const own of await Status.query().select('code', 'label').orderBy('position').orderBy('id')) {
    if (!labels.has(own.code)) labels.set(own.code, own.label)
  }
  return labels
}
