/*
 * The intake module's routes, mounted inside the tenant group of start/routes.ts: the counter's
 * intake screens, the online intake queue and the dossier files. Each part mounts its own file.
 */
import { storedFileRoutes } from '#intake/files/routes'
import { counterRoutes } from '#intake/counter/routes'
import { documentRoutes } from '#intake/documents/routes'

export function intakeRoutes() {
  storedFileRoutes()
  counterRoutes()
  documentRoutes()
}
