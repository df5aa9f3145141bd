import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import Dossier from '#intake/models/dossier'
import { defaultWorkflowFor } from '#catalog/services/workflow_templates'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'
import { registerDossier } from '#intake/services/register_dossier'
import { clockAt, counterIntake, intakeSetting } from '#intake/tests/helpers'

test.group('OS-3.1 a dossier keeps its workflow version', () => {
  test('OS-3.1 a dossier may point at its own tenant’s workflow version, never at another tenant’s', async ({ assert }) => {
    const home = await intakeSetting()
    const other = await intakeSetting()
    const versionOf = (setting: typeof home) =>
      withTenant(setting.tenant, async () => {
        const procedure = await Procedure.findOrFail(setting.procedureId)
        const result = await saveWorkflowVersion(procedure, defaultWorkflowFor(procedure), { createdBy: null })
        if (!result.saved) throw new Error('the template workflow was refused')
        return result.workflow.id
      })
    const ownWorkflow = await versionOf(home)
    const foreignWorkflow = await versionOf(other)

    const dossier = await withTenant(home.tenant, () => registerDossier(counterIntake(home), { clock: clockAt('2026-04-15T09:30:00') }))
    await withTenant(home.tenant, () => Dossier.query().where('id', dossier.id).update({ workflow_id: ownWorkflow }))
    const linked = await withTenant(home.tenant, () => Dossier.findOrFail(dossier.id))
    assert.equal(linked.workflowId, ownWorkflow)

    await assert.rejects(
      () => withTenant(home.tenant, () => Dossier.query().where('id', dossier.id).update({ workflow_id: foreignWorkflow })),
      /foreign key/
    )
  })
})
