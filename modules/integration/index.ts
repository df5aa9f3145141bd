/*
 * Public surface of the integration module (see ARCHITECTURE.md): the outbox through which every
 * email and SMS leaves the process, and the clients of national systems' stand-ins.
 */
export { queueEmail, queueSms, deliverDueMessages } from '#integration/outbox/outbox'
export type { QueuedEmail, QueuedSms } from '#integration/outbox/outbox'
export { sendSms, SmsGatewayError } from '#integration/sms/sms_gateway'
export type { Sms } from '#integration/sms/sms_gateway'
export { pushReminders } from '#integration/reminder_push/reminder_push'
