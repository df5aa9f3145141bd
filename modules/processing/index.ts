/*
 * Public surface of the processing module (see ARCHITECTURE.md). It gets code when an issue needs it.
 */
export {}
