/*
 * Public surface of the intake module (see ARCHITECTURE.md). It gets code when an issue needs it.
 */
export {}
