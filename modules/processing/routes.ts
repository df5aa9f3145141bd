/*
 * The processing module's routes, mounted inside the tenant group of start/routes.ts: the
 * handlers', department heads' and approvers' screens. Each part mounts its own file.
 */
export function processingRoutes() {}
