/*
 * Public surface of the catalog module: what a tenant offers and how its dossiers are processed.
 * Other modules import from here only.
 */
export {
  WorkingCalendar,
  loadWorkingCalendar,
  vietnamesePublicHolidays,
  DEFAULT_CALENDAR_SETTINGS,
} from '#catalog/services/working_calendar'
export type {
  CalendarSettings,
  CalendarOverrideEntry,
  WorkingCalendarData,
  WorkingPeriod,
  OverrideKind,
  PublicHoliday,
  DayStatus,
  Moment,
} from '#catalog/services/working_calendar'
export { LEGAL_STATUSES, ensureLegalStatuses } from '#catalog/services/statuses'
export type { LegalStatus } from '#catalog/services/statuses'
export { administrativeUnits, containing } from '#catalog/services/administrative_units'
export { activeEntriesOf } from '#catalog/services/shared_catalogues'
export { syncNationalCatalogues } from '#catalog/services/catalogue_sync'
export { listPublishedProcedures, findPublishedProcedure, sectorsWithPublishedCounts } from '#catalog/services/procedure_catalogue'
export type { PublishedProcedureQuery } from '#catalog/services/procedure_catalogue'
export { defaultWorkflowFor } from '#catalog/services/workflow_templates'
export { validateEformValues } from '#catalog/services/eform_values'
export { slipTemplateFor, currentSlipSet, trackingBookBySector } from '#catalog/services/slip_templates'
export {
  renderSlipDocument,
  renderSlipFragment,
  SLIP_PRINT_CSS,
  SLIP_PLACEHOLDERS,
  slipValueItems,
  slipValueRows,
  slipValueText,
} from '#catalog/services/slip_rendering'
export type { SlipData } from '#catalog/services/slip_rendering'
export { default as Procedure, ADMINISTRATIVE_LEVELS } from '#catalog/models/procedure'
export type { AdministrativeLevel } from '#catalog/models/procedure'
export { default as Sector } from '#catalog/models/sector'
export { default as FormTemplate } from '#catalog/models/form_template'
export { default as Status } from '#catalog/models/status'
export { currentWorkflowDiagram, currentWorkflowText } from '#catalog/services/procedure_workflow_diagram'
export { currentWorkflow } from '#catalog/queries/workflows'
export { default as Workflow } from '#catalog/models/workflow'
export { currentEform, eformVersion } from '#catalog/actions/save_eform_version'
export { default as ProcedureComponent } from '#catalog/models/procedure_component'
export type { EformField } from '#catalog/services/eform_definition'
export { detectAllowedType, sha256OfFile, attachmentDisposition, KNOWN_TYPES } from '#catalog/services/file_content'
export type { KnownType, DetectedFile } from '#catalog/services/file_content'
export { default as WorkflowStep } from '#catalog/models/workflow_step'
export { default as WorkflowTransition } from '#catalog/models/workflow_transition'
export { STATUS_LABELS, SUPPLEMENT_STATUS, RETURNED_STATUS, legalDeadlineMinutes, formatWorkingMinutes } from '#catalog/services/workflow_rules'
export type { StepKind, StepDefinition, TransitionDefinition, WorkflowDefinition } from '#catalog/services/workflow_rules'
export type { SlipKind, SlipSet } from '#catalog/models/slip_template'
export type { LeafField, FileField, PrefillSource, ProfileAttribute } from '#catalog/services/eform_definition'
export type { EformChoiceLists, EformValidationResult } from '#catalog/services/eform_values'
