/*
 * The trail records what happened as a stable code (the `action` of dossier_events); these are
 * the codes the engine writes for a workflow transition, and their labels for the screens and
 * the trail exports. A transition's own wording ("Trình trưởng phòng") stays in the step history.
 */
import {
  DONE,
  FINANCIAL_OBLIGATION,
  REFUSED,
  RETURNED,
  STOPPED,
  SUPPLEMENTED,
  SUPPLEMENT_REQUESTED,
} from '#processing/services/status_text'
import type { RuntimeStep, RuntimeTransition } from '#processing/services/workflow_runtime'

const BY_STATUS: Record<string, string> = {
  [SUPPLEMENT_REQUESTED]: 'request_supplement',
  [REFUSED]: 'refuse',
  [STOPPED]: 'stop',
  [SUPPLEMENTED]: 'forward_supplement',
  [FINANCIAL_OBLIGATION]: 'request_financial_obligation',
  [DONE]: 'finish',
  [RETURNED]: 'return_result',
}

/** The trail code of a transition, from the status it leads to and the kinds of its steps. */
export function trailActionOf(transition: RuntimeTransition, from: RuntimeStep, to: RuntimeStep | null): string {
  const byStatus = BY_STATUS[transition.statusCode]
  if (byStatus) return byStatus
  if (from.kind === 'intake') return 'forward'
  if (from.kind === 'assignment') return 'assign'
  if (to && to.position < from.position) return 'send_back'
  if (to?.kind === 'consultation') return 'consult'
  // Up to an approver, a reviewing head's step included ("Trình ký").
  if (to?.kind === 'approval') return 'submit_for_approval'
  if (from.kind === 'approval') return 'approve'
  return 'move'
}

export { TRAIL_ACTION_LABELS, trailActionLabel } from '#intake/services/trail_action_labels'
