/*
 * Public surface of the intake module: dossiers entering the one-stop system, their codes and
 * their trail. Other modules import from here only.
 */
export { registerDossier } from '#intake/services/register_dossier'
export type { RegisterDossierInput, ApplicantSnapshot } from '#intake/services/register_dossier'
export {
  issueDossierCode,
  formatDossierCode,
  dossierCodeFormatError,
  dossierCodeFormat2025,
  DOSSIER_CODE_FORMAT_2018,
} from '#intake/services/dossier_codes'
export { appendEvent, verifyTrail, verifyAllTrails } from '#intake/services/trail'
export type { TrailEventInput, TrailBreak, TrailCheck, TrailsCheck } from '#intake/services/trail'
export { DOSSIER_CHANNELS } from '#intake/models/dossier'
export type { DossierChannel } from '#intake/models/dossier'
export type { Clock } from '#intake/services/clock'
export { default as Dossier } from '#intake/models/dossier'
