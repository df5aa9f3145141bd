/*
 * OS-2.5: the tenant's official slips and result templates, and the set it prints with.
 * OS-12.1 (the one-stop issue) prints through slipTemplateFor() and slip_rendering.ts.
 * Runs in the current tenant's scope (TenantOwnedModel), like every catalog service.
 */
import { Exception } from '@adonisjs/core/exceptions'
import { requireTenantScope } from '#tenancy/tenant_context'
import { mergeTenantSettings } from '#tenancy/tenant_settings'
import Procedure from '#catalog/models/procedure'
import SlipTemplate, { SLIP_SETS, type SlipKind, type SlipSet } from '#catalog/models/slip_template'
import { RESULT_DEFAULT, SLIP_DEFAULTS, defaultSlip, ensureDefaultSlipTemplates } from '#catalog/services/slip_defaults'
import { unknownPlaceholders } from '#catalog/services/slip_rendering'

export const DEFAULT_SLIP_SET: SlipSet = '2018'

export function isSlipSet(value: unknown): value is SlipSet {
  return typeof value === 'string' && (SLIP_SETS as readonly string[]).includes(value)
}

/** The set the current tenant prints with: tenants.settings.slipSet, '2018' when unset. */
export function currentSlipSet(): SlipSet {
  const value = requireTenantScope().tenant.settings?.slipSet
  return isSlipSet(value) ? value : DEFAULT_SLIP_SET
}

/** Stores the current tenant's choice of set in tenants.settings.slipSet. */
export async function chooseSlipSet(set: SlipSet) {
  if (!isSlipSet(set)) throw new Exception(`Unknown slip set ${String(set)}`, { status: 422 })
  await mergeTenantSettings({ slipSet: set })
}

/**
 * Whether the tenant keeps one tracking book per sector, each numbered on its own (the book is
 * "one per sector or group of sectors"; a single book for all is the default).
 */
export function trackingBookBySector(): boolean {
  return requireTenantScope().tenant.settings?.trackingBookBySector === true
}

export async function chooseTrackingBookBySector(bySector: boolean) {
  await mergeTenantSettings({ trackingBookBySector: bySector })
}

/** Raised when a template text uses placeholders the renderer does not know; nothing is saved. */
export class UnknownPlaceholdersException extends Exception {
  static status = 422
  static code = 'E_UNKNOWN_SLIP_PLACEHOLDERS'

  constructor(public names: string[]) {
    super(`Unknown placeholders: ${names.join(', ')}`)
  }
}

export interface SlipRow {
  template: SlipTemplate
  formNumber: string
}

/** The official slips of `set` for the current tenant, in the order of their circular. */
export async function listSlips(set: SlipSet): Promise<SlipRow[]> {
  const rows = await SlipTemplate.query().where('slip_set', set)
  const byKind = new Map(rows.map((row) => [row.kind, row]))
  return SLIP_DEFAULTS[set]
    .filter((entry) => byKind.has(entry.kind))
    .map((entry) => ({ template: byKind.get(entry.kind)!, formNumber: entry.formNumber }))
}

/** The result templates: the tenant-wide one first, then the procedures' own, oldest first. */
export function listResultTemplates() {
  return SlipTemplate.query()
    .where('kind', 'result')
    .preload('procedure')
    .orderByRaw('procedure_id is not null')
    .orderBy('id')
}

/** The slip or result template with this id in the current tenant, or a 404. */
export function findSlipTemplate(id: number) {
  return SlipTemplate.findOrFail(id)
}

/** Form number of a slip in its circular ('01'…'07'), or null for a result template. */
export function formNumberOf(template: SlipTemplate): string | null {
  if (!template.slipSet || template.kind === 'result') return null
  return defaultSlip(template.slipSet, template.kind as SlipKind)?.formNumber ?? null
}

export function isLandscape(template: Pick<SlipTemplate, 'kind'>) {
  return template.kind === 'tracking_book'
}

function refuseUnknown(body: string) {
  const unknown = unknownPlaceholders(body)
  if (unknown.length) throw new UnknownPlaceholdersException(unknown)
}

/** A new title and body; refused (nothing stored) when the body has unknown placeholders. */
export async function updateSlipTemplate(
  template: SlipTemplate,
  details: { title: string; body: string },
  updatedBy: number | null
) {
  refuseUnknown(details.body)
  template.merge({ title: details.title, body: details.body, isDefault: false, updatedBy })
  await template.save()
  return template
}

/** The text this template goes back to on reset. */
export function defaultTextOf(template: SlipTemplate): { title: string; body: string } {
  if (template.kind === 'result' || !template.slipSet) return { title: RESULT_DEFAULT.title, body: RESULT_DEFAULT.body }
  const entry = defaultSlip(template.slipSet, template.kind as SlipKind)
  if (!entry) throw new Exception(`No default for ${template.slipSet}/${template.kind}`)
  return { title: entry.title, body: entry.body }
}

/** Back to the default text of its set (or the default result template). */
export async function resetSlipTemplate(template: SlipTemplate, updatedBy: number | null) {
  template.merge({ ...defaultTextOf(template), isDefault: true, updatedBy })
  await template.save()
  return template
}

/**
 * What to print for `kind` in the current tenant's set: its own text, or the default of the set
 * when none is stored. For `result`, the procedure's own template, then the tenant-wide one.
 */
export async function slipTemplateFor(
  kind: SlipKind | 'result',
  options: { procedureId?: number | null; set?: SlipSet } = {}
): Promise<{ title: string; body: string; landscape: boolean } | null> {
  if (kind === 'result') {
    const ownResult = options.procedureId
      ? await SlipTemplate.query().where('kind', 'result').where('procedure_id', options.procedureId).first()
      : null
    const template = ownResult ?? (await SlipTemplate.query().where('kind', 'result').whereNull('procedure_id').first())
    return template
      ? { title: template.title, body: template.body, landscape: false }
      : { ...RESULT_DEFAULT, landscape: false }
  }
  const set = options.set ?? currentSlipSet()
  const stored = await SlipTemplate.query().where('slip_set', set).where('kind', kind).first()
  if (stored) return { title: stored.title, body: stored.body, landscape: isLandscape(stored) }
  const entry = defaultSlip(set, kind)
  return entry ? { title: entry.title, body: entry.body, landscape: entry.landscape } : null
}

/** A procedure's own result template, starting from the tenant-wide text. */
export async function createResultTemplate(procedureId: number, updatedBy: number | null) {
  const existing = await SlipTemplate.query().where('kind', 'result').where('procedure_id', procedureId).first()
  if (existing) return existing
  const generic = await SlipTemplate.query().where('kind', 'result').whereNull('procedure_id').first()
  return SlipTemplate.create({
    slipSet: null,
    kind: 'result',
    procedureId,
    title: generic?.title ?? RESULT_DEFAULT.title,
    body: generic?.body ?? RESULT_DEFAULT.body,
    isDefault: true,
    updatedBy,
  })
}

/** Procedures that have no result template of their own yet, by name (for the add form). */
export function proceduresWithoutResultTemplate() {
  return Procedure.query()
    .select('id', 'name')
    .whereNotIn(
      'id',
      SlipTemplate.query().select('procedure_id').where('kind', 'result').whereNotNull('procedure_id')
    )
    .orderBy('name')
}

export { ensureDefaultSlipTemplates }
