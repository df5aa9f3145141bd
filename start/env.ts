import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL_SCHEME: Env.schema.enum.optional(['http', 'https'] as const),
  /** Port in links of emails sent outside a request (the daily digest); PORT when absent. */
  PUBLIC_PORT: Env.schema.number.optional(),
  LOG_LEVEL: Env.schema.string(),

  /** Set by app/database/provision.ts when the embedded server is used. */
  DATABASE_URL: Env.schema.string(),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'memory', 'database'] as const),

  TLS_CERT_FILE: Env.schema.string.optional(),
  TLS_KEY_FILE: Env.schema.string.optional(),

  SMTP_HOST: Env.schema.string(),
  SMTP_PORT: Env.schema.number(),
  MAIL_FROM_ADDRESS: Env.schema.string(),
  MAIL_FROM_NAME: Env.schema.string(),

  /** The national shared catalogue system (a local stand-in in development and tests). */
  NATIONAL_CATALOGUE_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  NATIONAL_CATALOGUE_TIMEOUT_MS: Env.schema.number.optional(),

  /** The National Database on Administrative Procedures (a local stand-in in development and tests). */
  NATIONAL_PROCEDURE_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  NATIONAL_PROCEDURE_TIMEOUT_MS: Env.schema.number.optional(),

  /** The carrier's brandname SMS gateway (a local stand-in in development and tests). */
  SMS_GATEWAY_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  SMS_GATEWAY_API_KEY: Env.schema.string.optional(),
  SMS_GATEWAY_BRANDNAME: Env.schema.string.optional(),
  SMS_GATEWAY_TIMEOUT_MS: Env.schema.number.optional(),

  /** The public postal company's price API (a local stand-in in development and tests). */
  POSTAL_SERVICE_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  POSTAL_SERVICE_API_KEY: Env.schema.string.optional(),
  POSTAL_SERVICE_TIMEOUT_MS: Env.schema.number.optional(),

  /** The National Population Database (a local stand-in in development and tests). */
  POPULATION_REGISTRY_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  POPULATION_REGISTRY_API_KEY: Env.schema.string.optional(),
  POPULATION_REGISTRY_TIMEOUT_MS: Env.schema.number.optional(),
})
