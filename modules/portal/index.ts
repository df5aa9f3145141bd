/*
 * Public surface of the portal module (see ARCHITECTURE.md). It gets code when an issue needs it.
 */
export {}
