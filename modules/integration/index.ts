/*
 * Public surface of the integration module (see ARCHITECTURE.md): the outbox through which every
 * email and SMS leaves the process, and the clients of national systems' stand-ins.
 */
export { queueEmail, queueSms, deliverDueMessages } from '#integration/outbox/outbox'
export type { QueuedEmail, QueuedSms } from '#integration/outbox/outbox'
export { sendSms, SmsGatewayError } from '#integration/sms/sms_gateway'
export type { Sms } from '#integration/sms/sms_gateway'
export { pushReminders } from '#integration/reminder_push/reminder_push'
export {
  lookUpCitizen,
  CitizenNotFoundError,
  PopulationRegistryError,
  PopulationRegistryUnavailableError,
  POPULATION_REGISTRY_SOURCE,
} from '#integration/population/population_registry'
export type { RegisteredCitizen } from '#integration/population/population_registry'
export { quotePostage, PostalServiceError } from '#integration/postal/postal_service'
export type { Postage, PostageRequest, PostalLeg, PostalPoint } from '#integration/postal/postal_service'
export {
  storeCounterAddress,
  clearCounterAddress,
  storedCounterAddress,
  counterAddressInUse,
  CounterAddressError,
} from '#integration/postal/counter_address'
export type { CounterAddress, CounterAddressInUse } from '#integration/postal/counter_address'
