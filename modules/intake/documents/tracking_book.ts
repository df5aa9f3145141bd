/*
 * OS-12.1: the tracking book (sổ theo dõi hồ sơ) for a period, in the columns of the tenant's
 * set (the catalog's tracking book template): as a landscape A4 PDF printed from that template,
 * and as a spreadsheet with the same columns.
 */
import { DateTime } from 'luxon'
import { Procedure, Sector, SLIP_PLACEHOLDERS, slipTemplateFor, trackingBookBySector } from '#catalog/index'
import { Agency } from '#users/index'
import { requireTenantScope } from '#tenancy/tenant_context'
import { formatDate } from '#services/vietnamese_format'
import { MM, writePdf } from '#documents/pdf'
import type { TabularDocument } from '#documents/tabular_document'
import Dossier from '#intake/models/dossier'
import DossierEvent from '#intake/models/dossier_event'
import { trackingBookEntries } from '#intake/documents/tracking_book_entries'
import { RESULT_DELIVERY, slipDateLine } from '#intake/documents/slip_data'
import { slipContent } from '#intake/documents/slip_layout'

export const RETURNED_STATUS = 'da_tra_ket_qua'

export const TRACKING_BOOK_COLUMNS: readonly string[] =
  SLIP_PLACEHOLDERS.find((placeholder) => placeholder.name === 'bang_so_theo_doi')?.columns ?? []

export interface TrackingBook {
  from: DateTime
  to: DateTime
  /** The sector whose book (or extract of the common book) this is; null: all sectors. */
  sector: { id: number; name: string } | null
  /** Years of the volumes the period covers, e.g. "2026" or "2025, 2026". */
  volumes: string
  /** Cells in the order of TRACKING_BOOK_COLUMNS. */
  rows: string[][]
}

export type BookSectorChoice = { valid: true; sector: { id: number; name: string } | null } | { valid: false; error: 'sector_required' | 'sector_unknown' }

/**
 * The sector asked for in the query string (?linh_vuc=<id>): one of the tenant's sectors, or none
 * for all of them, which a tenant keeping one book per sector cannot print (whose numbering?).
 */
export async function bookSectorOf(query: Record<string, unknown>): Promise<BookSectorChoice> {
  const value = typeof query.linh_vuc === 'string' ? query.linh_vuc.trim() : ''
  if (!value) return trackingBookBySector() ? { valid: false, error: 'sector_required' } : { valid: true, sector: null }
  const sector = /^\d{1,9}$/.test(value) ? await Sector.find(Number(value)) : null
  return sector ? { valid: true, sector: { id: sector.id, name: sector.name } } : { valid: false, error: 'sector_unknown' }
}

/** The book's lines for the dossiers accepted from `from` to `to` (whole days), of one sector or all. */
export async function trackingBook(from: DateTime, to: DateTime, sector: { id: number; name: string } | null = null): Promise<TrackingBook> {
  const entries = await trackingBookEntries({ from, to, sectorId: sector?.id ?? null })
  const ids = entries.map((entry) => entry.dossierId)
  const dossiers = new Map((await Dossier.query().whereIn('id', ids)).map((dossier) => [dossier.id, dossier]))
  const procedureIds = [...new Set([...dossiers.values()].map((dossier) => dossier.procedureId))]
  const procedures = new Map(
    (await Procedure.query().whereIn('id', procedureIds).preload('agencies')).map((procedure) => [procedure.id, procedure])
  )
  const agencyIds = [...new Set([...dossiers.values()].map((dossier) => dossier.receivingAgencyId))]
  const agencies = new Map((await Agency.query().whereIn('id', agencyIds)).map((agency) => [agency.id, agency]))
  const returns = new Map<number, DateTime>()
  for (const event of await DossierEvent.query().whereIn('dossier_id', ids).where('to_status', RETURNED_STATUS).orderBy('sequence')) {
    if (!returns.has(event.dossierId)) returns.set(event.dossierId, event.occurredAt)
  }

  const rows = entries.map((entry) => {
    const dossier = dossiers.get(entry.dossierId)!
    const procedure = procedures.get(dossier.procedureId)
    const returnedAt = returns.get(dossier.id)
    return [
      String(entry.number),
      dossier.code,
      procedure?.name ?? '',
      dossier.applicantOrganisationName ?? dossier.applicantFullName,
      [dossier.applicantAddress, dossier.applicantPhone].filter(Boolean).join('; '),
      procedure?.agencies[0]?.name ?? agencies.get(dossier.receivingAgencyId)?.name ?? '',
      formatDate(entry.acceptedAt),
      formatDate(dossier.appointmentAt),
      formatDate(returnedAt),
      returnedAt ? (RESULT_DELIVERY[dossier.channel] ?? '') : '',
      '',
    ]
  })
  const volumes = [...new Set(entries.map((entry) => entry.volume))]
  return { from, to, sector, volumes: (volumes.length ? volumes : [from.year]).join(', '), rows }
}

function periodText(book: TrackingBook) {
  return `Từ ngày ${formatDate(book.from)} đến ngày ${formatDate(book.to)}`
}

/** The book printed from the tenant's tracking book template, landscape A4. */
export async function trackingBookPdf(book: TrackingBook): Promise<Buffer> {
  const { tenant } = requireTenantScope()
  const template = await slipTemplateFor('tracking_book')
  const data = {
    co_quan_cap_tren: tenant.name,
    co_quan: tenant.contact?.agencyName,
    ngay_lap: slipDateLine(DateTime.now()),
    linh_vuc: book.sector?.name ?? 'Tất cả lĩnh vực',
    so_theo_doi: book.volumes,
    bang_so_theo_doi: book.rows,
  }
  const period = periodText(book)
  return writePdf({
    info: { title: `Sổ theo dõi hồ sơ - ${period}` },
    pageOrientation: 'landscape',
    pageMargins: [20 * MM, 15 * MM, 15 * MM, 15 * MM],
    footer: (page, pages) => ({ text: `${period} - Trang ${page}/${pages}`, alignment: 'center', fontSize: 9 }),
    content: slipContent(template?.body ?? '{{bang_so_theo_doi}}', data, { tableFontSize: 7.5 }),
  })
}

/** The same lines as a spreadsheet. */
export function trackingBookDocument(book: TrackingBook): TabularDocument {
  const { tenant } = requireTenantScope()
  const widths = [4, 15, 16, 12, 14, 12, 8, 8, 8, 9, 7]
  return {
    title: 'SỔ THEO DÕI HỒ SƠ',
    sheetName: 'Sổ theo dõi hồ sơ',
    landscape: true,
    details: [
      { label: 'Cơ quan', value: tenant.contact?.agencyName ?? tenant.name },
      { label: 'Lĩnh vực', value: book.sector?.name ?? 'Tất cả lĩnh vực' },
      { label: 'Thời gian', value: periodText(book) },
      { label: 'Quyển số', value: book.volumes },
    ],
    columns: TRACKING_BOOK_COLUMNS.map((heading, index) => ({ heading, width: widths[index] ?? 8 })),
    rows: book.rows,
    notes: [`Tổng số: ${book.rows.length} hồ sơ.`],
  }
}

export function trackingBookFileName(book: TrackingBook, extension: string) {
  const sector = book.sector ? `-linh-vuc-${book.sector.id}` : ''
  return `so-theo-doi${sector}-${book.from.toFormat('yyyyMMdd')}-${book.to.toFormat('yyyyMMdd')}.${extension}`
}
