/*
 * Public surface of the integration module (see ARCHITECTURE.md). It gets code when an issue needs it.
 */
export {}
