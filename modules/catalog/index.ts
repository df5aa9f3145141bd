/*
 * Public surface of the catalog module (see ARCHITECTURE.md). It gets code when an issue needs it.
 */
export {}
