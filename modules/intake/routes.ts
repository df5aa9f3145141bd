/*
 * The intake module's routes, mounted inside the tenant group of start/routes.ts: the counter's
 * intake screens, the online intake queue and the dossier files. Each part mounts its own file.
 */
export function intakeRoutes() {}
