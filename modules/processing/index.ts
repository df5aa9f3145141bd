/*
 * Public surface of the processing module (see ARCHITECTURE.md). Other modules import from here only.
 *
 * The workflow runtime (issue 5 items 4, 5, 7). All functions run inside a tenant scope
 * (withTenant / the request) and take an optional `{ clock }` (a () => DateTime) for tests.
 *
 * Engine
 * - availableActions(dossier, officer) → AvailableAction[]: the transitions leaving the dossier's
 *   current step that the officer may take now (step role; step department when set; only the
 *   holder once someone holds the step), with needsReason / needsAttachment / needsAssignee and
 *   the assignee choices. Nothing is offered while the counter decides (moi_dang_ky,
 *   yeu_cau_bo_sung_giay_to) or once the dossier is closed (CLOSED_STATUSES); "Đã bổ sung hồ sơ"
 *   transitions only while papers asked by a later step are to go back to it.
 * - performAction({ dossier | dossierId, transitionId, expectedLockVersion, actor, reason?,
 *   comment?, fileIds? (stored files already in the dossier), uploads? (new files), assigneeId?,
 *   extra? }, { clock?, portalUrl? }) → ActionResult. Refusals, all before any write:
 *   DossierChangedError (409, stale lock version: the second of two concurrent actions),
 *   ActionRefusedError (reason: not_found | no_workflow | wrong_step | not_allowed | not_offered |
 *   finished | guard), ActionInvalidError (fields: reason, files, assignee_id → message). On
 *   success: status + ST detail, lock_version + 1, step history, clock (supplement stop/resume),
 *   files joined to the dossier, one trail event (public when the status changes or on
 *   assignment), new-work reminders, after-hooks; the applicant's email (handling started,
 *   supplement, stop, financial obligation, result ready) is an after-hook.
 * - assignHandler({ dossier | dossierId, expectedLockVersion, actor, assigneeId, comment? }):
 *   OS-7.1/7.2, the step department's head sets or replaces the holder of the current step.
 * - Hooks for later parts: registerActionGuard(guard) (return a Vietnamese refusal or null;
 *   also hides the action from availableActions), onActionPerformed(hook) (same transaction,
 *   after the change; a throw comes out as AfterHookFailed and undoes the action), and
 *   registerDossierSection(render) (HTML of a section of the officer's dossier page, shown
 *   after the actions; the panel htmx swaps includes it).
 *
 * Deadlines
 * - overdueText(dossier, { clock? }) → "Hạn xử lý DD/MM/YYYY - Quá hạn N ngày" or null (ST-16);
 *   overdueLine(dossier, at, calendar, clock) is the pure form; statusDetailLines(dossier) gives
 *   the stored detail plus that line.
 * - sweepDeadlines({ clock? }) (also `node ace processing:sweep-deadlines`, and hourly in the
 *   web server): marks overdue passages, writes the ST-16 trail event once per missed date,
 *   records reminders, catches up clocks after supplements that arrived through the counter or
 *   the portal.
 * - setSupplementClock(procedureId, 'resume' | 'restart') / supplementClockOf(procedureId):
 *   procedures.supplement_clock (default resume).
 *
 * Lists
 * - listDossiers(officer, queue, { page?, perPage? }) with queue in QUEUES (to_process,
 *   supplement_requested, supplemented, took_part; OS-8.3) → { rows: QueueRow[], page, lastPage,
 *   total }; countQueues(officer); listDepartmentDossiers(officer) (the department head's).
 * - stepsOf(dossierId) → DossierStep[] (the step history); unseenRemindersOf(officer, limit?),
 *   countUnseenReminders(officer), markReminderSeen(officer, id, at), markAllRemindersSeen(officer, at).
 * - TRAIL_ACTION_LABELS / trailActionLabel(code): labels of the trail's action codes.
 */
export { availableActions, performAction, CLOSED_STATUSES } from '#processing/services/engine'
export type { AvailableAction, PerformActionInput, PerformActionOptions, ActionResult } from '#processing/services/engine'
export { assignHandler } from '#processing/services/assignment'
export type { AssignHandlerInput } from '#processing/services/assignment'
export { DossierChangedError, ActionRefusedError, ActionInvalidError } from '#processing/services/errors'
export type { RefusalReason } from '#processing/services/errors'
export { registerActionGuard, onActionPerformed, AfterHookFailed } from '#processing/services/hooks'
export type { ActionGuard, AfterAction, GuardContext, PerformedContext } from '#processing/services/hooks'
export { overdueText, overdueTexts, overdueLine, statusDetailLines, workingDaysLate, clockRuns } from '#processing/services/deadlines'
export { sweepDeadlines } from '#processing/services/deadline_sweep'
export type { SweepSummary } from '#processing/services/deadline_sweep'
export { setSupplementClock, supplementClockOf, SUPPLEMENT_CLOCK_MODES } from '#processing/services/supplement_clock'
export type { SupplementClockMode } from '#processing/services/supplement_clock'
export { listDossiers, countQueues, listDepartmentDossiers, QUEUES } from '#processing/services/queues'
export type { QueueName, QueueRow, ListOptions } from '#processing/services/queues'
export { stepsOf } from '#processing/services/step_history'
export { unseenRemindersOf, countUnseenReminders, markReminderSeen, markAllRemindersSeen } from '#processing/services/reminders'
export { TRAIL_ACTION_LABELS, trailActionLabel } from '#processing/services/trail_actions'
export { loadWorkflowRuntime } from '#processing/services/workflow_runtime'
export { registerDossierSection } from '#processing/services/dossier_sections'
export type { DossierSection } from '#processing/services/dossier_sections'
export type { WorkflowRuntime, RuntimeStep, RuntimeTransition } from '#processing/services/workflow_runtime'
export { default as DossierStep } from '#processing/models/dossier_step'
export { default as Reminder, REMINDER_KINDS } from '#processing/models/reminder'
export type { ReminderKind } from '#processing/models/reminder'
