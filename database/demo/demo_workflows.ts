/*
 * Every demo procedure gets a workflow from the template library, acted on by the tenant's demo
 * departments (counter, specialist department, leadership), so the one-stop screens have real
 * routes to follow.
 */
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import Department from '#users/models/department'
import { defaultWorkflowFor } from '#catalog/services/workflow_templates'
import { saveWorkflowVersion } from '#catalog/actions/save_workflow'

export async function seedDemoWorkflows(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const [counter, specialist, leadership] = await Department.query().orderBy('id')
    const departments = { counter: counter?.id, department: specialist?.id, leadership: leadership?.id, partner: specialist?.id }
    for (const procedure of await Procedure.query().orderBy('id')) {
      const result = await saveWorkflowVersion(procedure, defaultWorkflowFor(procedure, { departments }), { createdBy: null })
      if (!result.saved) {
        throw new Error(`Demo workflow refused for “${procedure.name}”: ${result.violations.map((v) => v.message).join('; ')}`)
      }
    }
  })
}
