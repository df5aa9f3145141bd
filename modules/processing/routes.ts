/*
 * The processing module's routes, mounted inside the tenant group of start/routes.ts: the
 * handlers', department heads' and approvers' screens. Each part mounts its own file.
 */
import { oversightRoutes } from '#processing/oversight/routes'
import { workflowRoutes } from '#processing/routes/workflow'
import { specialRoutes } from '#processing/special/routes'

export function processingRoutes() {
  oversightRoutes()
  workflowRoutes()
  specialRoutes()
}
