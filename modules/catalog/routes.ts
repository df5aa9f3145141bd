/*
 * The catalog's routes, mounted inside the tenant group of start/routes.ts: the admin screens
 * for procedures, forms, workflows, statuses, shared catalogues and the working calendar, and
 * the public download of form templates.
 */
import { calendarRoutes } from '#catalog/routes/calendar'
import { workflowRoutes } from '#catalog/routes/workflows'
import { eformRoutes } from '#catalog/routes/eforms'
import { procedureRoutes } from '#catalog/routes/procedures'
import { statusRoutes } from '#catalog/routes/statuses'
import { sharedCatalogueRoutes } from '#catalog/routes/shared_catalogues'
import { slipRoutes } from '#catalog/routes/slips'
import { procedureSyncRoutes } from '#catalog/routes/procedure_sync'

export function catalogRoutes() {
  procedureRoutes()
  procedureSyncRoutes()
  workflowRoutes()
  eformRoutes()
  statusRoutes()
  sharedCatalogueRoutes()
  calendarRoutes()
  slipRoutes()
}
