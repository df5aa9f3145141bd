/*
 * Where an accepted dossier starts its workflow (OS-5.6, OS-3.4): the workflow version it runs
 * on and that version's intake step for its channel. A dossier filed online keeps the version it
 * was filed with; one received at the counter takes the procedure's current version. Postal
 * dossiers enter where counter ones do (the workflow's entry channel 'counter').
 */
import { currentWorkflow, Workflow, type Procedure } from '#catalog/index'
import type { DossierChannel } from '#intake/models/dossier'

export interface IntakeEntry {
  workflowId: number
  stepKey: string
}

function entryChannelOf(channel: DossierChannel) {
  return channel === 'online' ? 'online' : 'counter'
}

/** The intake step for `channel` in `workflow` (steps preloaded), or null when it has none. */
function entryIn(workflow: Workflow, channel: DossierChannel): IntakeEntry | null {
  const step = workflow.steps.find(
    (candidate) => candidate.kind === 'intake' && (candidate.entryChannels ?? []).includes(entryChannelOf(channel))
  )
  return step ? { workflowId: workflow.id, stepKey: step.key } : null
}

/** Null when the procedure has no workflow yet, or its workflow has no intake step for the channel. */
export async function intakeEntryFor(
  procedure: Procedure,
  channel: DossierChannel,
  workflowId?: number | null
): Promise<IntakeEntry | null> {
  const workflow = workflowId
    ? await Workflow.query().where('id', workflowId).preload('steps').first()
    : await currentWorkflow(procedure)
  return workflow ? entryIn(workflow, channel) : null
}
