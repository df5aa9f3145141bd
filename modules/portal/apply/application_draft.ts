import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantOwnedModel } from '#tenancy/tenant_owned_model'

/** The file chosen for one slot of the application: an upload, or a paper of the vault. */
export interface ChosenFile {
  fileId: number
  vaultDocumentId?: number
}

/** PT-15 as typed: the choice, then each contact's inputs. */
export interface PostalDraft {
  mode: 'none' | 'submit' | 'result' | 'both'
  sender: Record<string, string>
  recipient: Record<string, string>
  collectFee?: boolean
}

const json = <T>(fallback: T) => ({
  prepare: (value: unknown) => JSON.stringify(value ?? fallback),
  consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? fallback)) as T,
})

/** PT-1.3: an application being filled in on the portal (see migration 0401). */
export default class ApplicationDraft extends TenantOwnedModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare applicantId: number

  @column()
  declare procedureId: number

  @column()
  declare eformId: number | null

  @column(json({}))
  declare values: Record<string, unknown>

  /** By slot: `component:<id>` or `field:<e-form key>`. */
  @column(json({}))
  declare files: Record<string, ChosenFile>

  @column({
    prepare: (value: unknown) => (value ? JSON.stringify(value) : null),
    consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
  })
  declare postal: PostalDraft | null

  @column()
  declare submitToken: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
