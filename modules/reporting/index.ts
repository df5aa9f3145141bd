/*
 * Public surface of the reporting module (see ARCHITECTURE.md). It gets code when an issue needs it.
 */
export {}
