/*
 * OS-16.2: import of shared catalogues from a JSON file, in the format documented in
 * modules/catalog/docs/shared_catalogue_format.md. The whole file is checked first (a pure
 * function, parseCatalogueFile); then every catalogue in it is applied inside one savepoint of
 * the request's transaction, so a bad file, or a failure halfway, changes nothing.
 */
import SharedCatalogue, { CATALOGUE_KINDS, type CatalogueKind } from '#catalog/models/shared_catalogue'
import {
  applyEntryChanges,
  createCatalogue,
  inSavepoint,
  type ChangeReport,
  type DesiredEntry,
} from '#catalog/services/shared_catalogues'

export const IMPORT_FORMAT = 'dvc-shared-catalogue'
export const IMPORT_FORMAT_VERSION = 1
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const MAX_ENTRIES_PER_CATALOGUE = 50_000
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,99}$/

/** A refused file; messageKey is under `catalogues.import.errors` in resources/lang. */
export class CatalogueImportError extends Error {
  constructor(
    public messageKey: string,
    public data: Record<string, string | number> = {}
  ) {
    super(`Catalogue import refused: ${messageKey} ${JSON.stringify(data)}`)
  }
}

export interface ParsedCatalogue {
  code: string
  name: string
  kind: CatalogueKind
  description: string
  entries: DesiredEntry[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value.normalize('NFC').trim() : null
}

/** Checks the whole file and returns what it describes, or throws a CatalogueImportError. */
export function parseCatalogueFile(content: string): ParsedCatalogue[] {
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) {
    throw new CatalogueImportError('too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 })
  }
  let data: unknown
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''))
  } catch {
    throw new CatalogueImportError('not_json')
  }
  if (!isObject(data) || data.format !== IMPORT_FORMAT) throw new CatalogueImportError('wrong_format', { format: IMPORT_FORMAT })
  if (data.version !== IMPORT_FORMAT_VERSION) {
    throw new CatalogueImportError('wrong_version', { version: IMPORT_FORMAT_VERSION })
  }
  if (!Array.isArray(data.catalogues) || data.catalogues.length === 0) throw new CatalogueImportError('no_catalogues')

  const catalogueCodes = new Set<string>()
  return data.catalogues.map((raw, catalogueIndex) => {
    const position = catalogueIndex + 1
    if (!isObject(raw)) throw new CatalogueImportError('catalogue_not_object', { position })
    const code = text(raw.code)
    if (!code || !CODE_PATTERN.test(code)) throw new CatalogueImportError('catalogue_code', { position })
    if (catalogueCodes.has(code)) throw new CatalogueImportError('catalogue_duplicate', { code })
    catalogueCodes.add(code)
    const name = text(raw.name)
    if (!name || name.length > 255) throw new CatalogueImportError('catalogue_name', { code })
    const kind = raw.kind === undefined ? 'internal' : raw.kind
    if (!(CATALOGUE_KINDS as readonly unknown[]).includes(kind)) {
      throw new CatalogueImportError('catalogue_kind', { code, kinds: CATALOGUE_KINDS.join(', ') })
    }
    const description = raw.description === undefined ? '' : text(raw.description)
    if (description === null) throw new CatalogueImportError('catalogue_description', { code })
    if (!Array.isArray(raw.entries)) throw new CatalogueImportError('entries_missing', { code })
    if (raw.entries.length > MAX_ENTRIES_PER_CATALOGUE) {
      throw new CatalogueImportError('too_many_entries', { code, max: MAX_ENTRIES_PER_CATALOGUE })
    }

    const entryCodes = new Set<string>()
    const entries = raw.entries.map((entry, entryIndex): DesiredEntry => {
      const line = entryIndex + 1
      if (!isObject(entry)) throw new CatalogueImportError('entry_not_object', { code, line })
      const entryCode = text(entry.code)
      if (!entryCode || !CODE_PATTERN.test(entryCode)) throw new CatalogueImportError('entry_code', { code, line })
      if (entryCodes.has(entryCode)) throw new CatalogueImportError('entry_duplicate', { code, entry: entryCode })
      entryCodes.add(entryCode)
      const entryName = text(entry.name)
      if (!entryName || entryName.length > 500) throw new CatalogueImportError('entry_name', { code, entry: entryCode })
      if (entry.active !== undefined && typeof entry.active !== 'boolean') {
        throw new CatalogueImportError('entry_active', { code, entry: entryCode })
      }
      return { code: entryCode, name: entryName, isActive: entry.active !== false }
    })
    return { code, name, kind: kind as CatalogueKind, description, entries }
  })
}

export interface ImportReport extends ChangeReport {
  code: string
  name: string
  created: boolean
}

/**
 * Imports the file into the current tenant: each catalogue is created when new, then its
 * entries are made to match the file (entries the file leaves out are deactivated).
 */
export async function importCatalogueFile(content: string): Promise<ImportReport[]> {
  const parsed = parseCatalogueFile(content)
  return inSavepoint(async (client) => {
    const reports: ImportReport[] = []
    for (const file of parsed) {
      let catalogue = await SharedCatalogue.query({ client }).where('code', file.code).first()
      const created = !catalogue
      if (!catalogue) {
        catalogue = await createCatalogue(
          { code: file.code, name: file.name, kind: file.kind, description: file.description },
          client
        )
      } else if (catalogue.name !== file.name || catalogue.kind !== file.kind) {
        catalogue.useTransaction(client)
        catalogue.merge({ name: file.name, kind: file.kind })
        await catalogue.save()
      }
      const report = await applyEntryChanges(client, catalogue, file.entries, { removeMissing: true })
      reports.push({ code: catalogue.code, name: catalogue.name, created, ...report })
    }
    return reports
  })
}
