/*
 * Public surface of the integration module (see ARCHITECTURE.md): the outbox through which every
 * email and SMS leaves the process, and the clients of national systems' stand-ins.
 */
export { queueEmail, queueSms, registerSmsSender, deliverDueMessages } from '#integration/outbox/outbox'
export type { QueuedEmail, QueuedSms } from '#integration/outbox/outbox'
