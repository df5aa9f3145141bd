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
export { default as DossierEvent } from '#intake/models/dossier_event'
export type { PostalService, PostalContact, PostageQuote } from '#intake/models/dossier'
export {
  storeUploadedFile,
  readStoredFile,
  streamStoredFile,
  attachFilesToDossier,
  filesOfDossier,
  uploadLimits,
  checkUpload,
  typeList,
  sizeLabel,
  UploadRejected,
  STORED_FILE_TYPES,
  DEFAULT_MAX_UPLOAD_MB,
} from '#intake/files/stored_files'
export type { FileAttachment, StoreOptions, UploadLimits, UploadedFile, StoredFileType } from '#intake/files/stored_files'
export { readableStoredFile } from '#intake/files/file_access'
export { vaultDocumentsOf, vaultDocumentOf } from '#intake/files/vault'
export { default as StoredFile } from '#intake/files/stored_file'
export { default as DossierFile, DOSSIER_FILE_KINDS } from '#intake/files/dossier_file'
export type { DossierFileKind } from '#intake/files/dossier_file'
export { default as VaultDocument } from '#intake/files/vault_document'
export { dossierStatusLabels } from '#intake/services/status_labels'
export { postalServiceLines } from '#intake/services/postal_service_text'
export { verificationNote } from '#intake/counter/services/applicant_verification'
export {
  WITHDRAWN_STATUS,
  StaleDossierException,
  ApplicantActionRefused,
  UploadsRejected,
  findApplicantDossier,
  mayApplicant,
} from '#intake/applicant/applicant_dossiers'
export type { ApplicantAction, ApplicantActor } from '#intake/applicant/applicant_dossiers'
export { withdrawDossier, restoreDossier } from '#intake/applicant/withdraw_dossier'
export { submitSupplement, openSupplementRequestOf } from '#intake/applicant/submit_supplement'
export type { SupplementUpload } from '#intake/applicant/submit_supplement'
export {
  publicTrailOf,
  returnedAtOf,
  applicantNoticesSince,
  countApplicantNoticesSince,
} from '#intake/applicant/applicant_trail'
export { addToVault, removeFromVault } from '#intake/applicant/vault_papers'
export { slipKindsFor, slipPrintPath } from '#intake/documents/slips'
export type { SlipLink } from '#intake/documents/slips'
export type { DossierSlipKind } from '#intake/documents/slip_kinds'
export { trailExportPaths, applicationFormPath, TRACKING_BOOK_PATH } from '#intake/documents/document_links'
export { slipContent } from '#intake/documents/slip_layout'
export { slipDateLine } from '#intake/documents/slip_data'
export { appointmentDateFor } from '#intake/counter/services/appointment_dates'
export { paperLines } from '#intake/counter/validators/counter_validators'
export {
  acceptDossier,
  requestSupplement,
  refuseDossier,
  recordSupplement,
  supplementDetail,
  StaleDossierError,
  DossierNotWaitingError,
  NoIntakeStepError,
  AWAITING_INTAKE,
  AWAITING_SUPPLEMENT,
} from '#intake/counter/services/intake_decisions'
export type { DecisionContext, SupplementDetails } from '#intake/counter/services/intake_decisions'
export { receiveAtCounter, IncompleteDossierError, NoReceivingUnitError } from '#intake/counter/services/receive_at_counter'
export type { CounterIntake, CounterDecision } from '#intake/counter/services/receive_at_counter'
export { default as SupplementRequest } from '#intake/counter/models/supplement_request'
export { default as ReceivedComponent } from '#intake/counter/models/received_component'
export { changeDossier } from '#intake/applicant/change_dossier'
export type { FileReplacement } from '#intake/applicant/change_dossier'
export { applicantNoticeChannels } from '#intake/applicant/notice_channels'
export { sendApplicantNotice, smsTextOf } from '#intake/applicant/notify_applicant'
export type { NoticeChannels } from '#intake/applicant/notice_channels'
