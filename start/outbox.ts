/*
 * The web server retries undelivered outbox messages (left by a failed gateway or a restart).
 */
import { startOutboxDelivery } from '#integration/outbox/outbox'

startOutboxDelivery()
