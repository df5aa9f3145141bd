/*
 * OS-2.5, OS-12.1: the official slips and result templates are kept as a restricted template
 * text, never as Edge or any other executable template. This file is the whole language:
 *
 *   {{ten_truong}}   a placeholder from SLIP_PLACEHOLDERS (nothing else is accepted when saving);
 *                    its value is always HTML-escaped; an empty value prints a dotted line to be
 *                    filled in by hand, as on the paper form
 *   # Tiêu đề        the slip's title, centred and bold
 *   ## Dòng giữa     a centred line (sub-title, "(Liên: …)")
 *   >> Dòng phải     a right-aligned line
 *   << Dòng trái     a left-aligned line in smaller type ("Nơi nhận:"); also at the start of a cell
 *   trái || phải     a row of two centred columns (national motto header, signature blocks);
 *                    consecutive rows make one block
 *   **đậm**, *nghiêng*  bold and italic inside a line
 *   a line holding only a list placeholder prints a numbered list; a table placeholder prints
 *   its table (columns fixed by the placeholder, as on the official form)
 *
 * The output is an HTML fragment for an A4 page; SLIP_PRINT_CSS is its print stylesheet, and
 * renderSlipDocument() wraps both into a self-contained page (what the one-stop issue turns
 * into PDF).
 */

export type PlaceholderKind = 'text' | 'list' | 'table'

export interface SlipPlaceholder {
  name: string
  kind: PlaceholderKind
  /** Column headings of a table placeholder. */
  columns?: readonly string[]
}

const TRACKING_BOOK_COLUMNS = [
  'Số TT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Tên tổ chức, cá nhân',
  'Địa chỉ, số điện thoại',
  'Cơ quan chủ trì giải quyết',
  'Nhận hồ sơ (ngày, tháng, năm)',
  'Hẹn trả kết quả (ngày, tháng, năm)',
  'Trả kết quả (ngày, tháng, năm)',
  'Hình thức nhận kết quả',
  'Ký nhận',
] as const

const PROCESS_CONTROL_COLUMNS = [
  'Tên cơ quan, đơn vị (giao, nhận hồ sơ)',
  'Thời gian giao, nhận hồ sơ',
  'Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)',
  'Ghi chú',
] as const

/** Every placeholder a slip or result template may use; the help on the edit screen lists them. */
export const SLIP_PLACEHOLDERS: readonly SlipPlaceholder[] = Object.freeze([
  { name: 'co_quan_cap_tren', kind: 'text' },
  { name: 'co_quan', kind: 'text' },
  { name: 'dia_danh', kind: 'text' },
  { name: 'ngay_lap', kind: 'text' },
  { name: 'so_phieu', kind: 'text' },
  { name: 'ma_ho_so', kind: 'text' },
  { name: 'ten_thu_tuc', kind: 'text' },
  { name: 'ma_thu_tuc', kind: 'text' },
  { name: 'linh_vuc', kind: 'text' },
  { name: 'nguoi_nop', kind: 'text' },
  { name: 'so_dinh_danh', kind: 'text' },
  { name: 'dia_chi', kind: 'text' },
  { name: 'so_dien_thoai', kind: 'text' },
  { name: 'thu_dien_tu', kind: 'text' },
  { name: 'nguoi_duoc_uy_quyen', kind: 'text' },
  { name: 'noi_dung_yeu_cau', kind: 'text' },
  { name: 'thanh_phan_ho_so', kind: 'list' },
  { name: 'so_luong_ho_so', kind: 'text' },
  { name: 'thoi_gian_giai_quyet', kind: 'text' },
  { name: 'ngay_nhan', kind: 'text' },
  { name: 'ngay_hen_tra', kind: 'text' },
  { name: 'ngay_hen_tra_moi', kind: 'text' },
  { name: 'thoi_gian_gia_han', kind: 'text' },
  { name: 'noi_tra_ket_qua', kind: 'text' },
  { name: 'hinh_thuc_nhan_ket_qua', kind: 'text' },
  { name: 'so_theo_doi', kind: 'text' },
  { name: 'so_thu_tu', kind: 'text' },
  { name: 'ly_do', kind: 'text' },
  { name: 'noi_dung_bo_sung', kind: 'list' },
  { name: 'can_bo_tiep_nhan', kind: 'text' },
  { name: 'so_dien_thoai_co_quan', kind: 'text' },
  { name: 'nguoi_ky', kind: 'text' },
  { name: 'chuc_vu_nguoi_ky', kind: 'text' },
  { name: 'don_vi_giai_quyet', kind: 'text' },
  { name: 'co_quan_phoi_hop', kind: 'text' },
  { name: 'ten_ket_qua', kind: 'text' },
  { name: 'noi_dung_ket_qua', kind: 'text' },
  { name: 'bang_kiem_soat', kind: 'table', columns: PROCESS_CONTROL_COLUMNS },
  { name: 'bang_so_theo_doi', kind: 'table', columns: TRACKING_BOOK_COLUMNS },
] as SlipPlaceholder[])

const BY_NAME = new Map(SLIP_PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder]))

export function isKnownPlaceholder(name: string) {
  return BY_NAME.has(name)
}

/** A value per placeholder name: text, list items, or table rows (cells in column order). */
export type SlipValue = string | number | readonly string[] | readonly (readonly string[])[] | null | undefined
export type SlipData = Record<string, SlipValue>

/** `{{ … }}` with anything inside, so that a malformed name is reported rather than printed. */
const PLACEHOLDER = /\{\{\s*(.*?)\s*\}\}/g
const NAME = /^[a-z][a-z0-9_]*$/

/**
 * The placeholder names in `text` that are not in SLIP_PLACEHOLDERS (or are not names at all),
 * each once, in the order they first appear. Empty means the text may be saved.
 */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = []
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]
    if ((!NAME.test(name) || !BY_NAME.has(name)) && !unknown.includes(name)) unknown.push(name)
  }
  return unknown
}

/** The placeholder names `text` uses, known ones only, each once. */
export function usedPlaceholders(text: string): string[] {
  const used: string[] = []
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (BY_NAME.has(match[1]) && !used.includes(match[1])) used.push(match[1])
  }
  return used
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character])
}

/** What an empty value prints: room to write by hand. */
const BLANK = '<span class="slip-blank">……………………</span>'
const SENTINEL = /\u0000(\d+)\u0000/g

/** A slip value as one line of text (lists joined with "; "). */
export function slipValueText(value: SlipValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  return value.map((item) => (Array.isArray(item) ? item.join(', ') : String(item))).join('; ')
}

/** A slip value as the items of a list. */
export function slipValueItems(value: SlipValue): string[] {
  if (value === null || value === undefined || value === '') return []
  if (typeof value === 'string' || typeof value === 'number') return [String(value)]
  return value.map((item) => (Array.isArray(item) ? item.join(', ') : String(item)))
}

/** A slip value as the rows of a table. */
export function slipValueRows(value: SlipValue): string[][] {
  if (!Array.isArray(value)) return []
  return value.map((row) => (Array.isArray(row) ? row.map((cell) => String(cell ?? '')) : [String(row)]))
}

function inlineValue(name: string, data: SlipData): string {
  const text = slipValueText(data[name]).trim()
  if (!text) return BLANK
  // Line breaks inside a value stay line breaks, and nothing else of it is markup.
  return escapeHtml(text).replace(/\r?\n/g, '<br>')
}

function listBlock(name: string, data: SlipData): string {
  const items = slipValueItems(data[name])
  if (!items.length) return `<ol class="slip-list"><li>${BLANK}</li></ol>`
  return `<ol class="slip-list">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`
}

function tableBlock(placeholder: SlipPlaceholder, data: SlipData): string {
  const columns = placeholder.columns ?? []
  const rows = slipValueRows(data[placeholder.name])
  // An empty table keeps a few ruled rows, to be written in by hand.
  const body = (rows.length ? rows : [[], [], []])
    .map((row) => `<tr>${columns.map((_, index) => `<td>${escapeHtml(row[index] ?? '').replace(/\r?\n/g, '<br>')}</td>`).join('')}</tr>`)
    .join('')
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')
  return `<table class="slip-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

/**
 * One line of template text to HTML: placeholders are set aside first, the rest is escaped and
 * given its bold/italic marks, then the escaped values go back in (so a value is never markup).
 */
function renderInline(line: string, data: SlipData): string {
  const names: string[] = []
  const marked = line.replace(/\u0000/g, '').replace(PLACEHOLDER, (_whole, name: string) => {
    names.push(name)
    return `\u0000${names.length - 1}\u0000`
  })
  const formatted = escapeHtml(marked)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*/g, '<em>$1</em>')
  return formatted.replace(SENTINEL, (_whole, index: string) => {
    const name = names[Number(index)]
    // Unknown names cannot be saved; should one reach here anyway, it prints nothing of itself.
    return BY_NAME.has(name) ? inlineValue(name, data) : BLANK
  })
}

/** The placeholder a line consists of, alone, if any. */
function lonePlaceholder(line: string): SlipPlaceholder | undefined {
  const match = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(line.trim())
  return match ? BY_NAME.get(match[1]) : undefined
}

/** The template text with `data` filled in, as an HTML fragment for one A4 slip. */
export function renderSlipBody(body: string, data: SlipData): string {
  const out: string[] = []
  let columnRows: string[] = []
  const renderCell = (cell: string) => {
    if (cell.startsWith('<< ')) return `<td class="slip-left">${renderInline(cell.slice(3), data)}</td>`
    return `<td>${cell ? renderInline(cell, data) : ''}</td>`
  }
  const flushColumns = () => {
    if (!columnRows.length) return
    out.push(`<table class="slip-columns" role="presentation"><tbody>${columnRows.join('')}</tbody></table>`)
    columnRows = []
  }

  for (const rawLine of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim()
    if (line.includes('||')) {
      const cells = line.split('||').map((cell) => cell.trim())
      columnRows.push(`<tr>${cells.map(renderCell).join('')}</tr>`)
      continue
    }
    flushColumns()
    if (!line) {
      out.push('<div class="slip-gap"></div>')
      continue
    }
    const lone = lonePlaceholder(line)
    if (lone?.kind === 'list') out.push(listBlock(lone.name, data))
    else if (lone?.kind === 'table') out.push(tableBlock(lone, data))
    else if (line.startsWith('## ')) out.push(`<p class="slip-center">${renderInline(line.slice(3), data)}</p>`)
    else if (line.startsWith('# ')) out.push(`<h1 class="slip-title">${renderInline(line.slice(2), data)}</h1>`)
    else if (line.startsWith('>> ')) out.push(`<p class="slip-right">${renderInline(line.slice(3), data)}</p>`)
    else if (line.startsWith('<< ')) out.push(`<p class="slip-left">${renderInline(line.slice(3), data)}</p>`)
    else out.push(`<p>${renderInline(line, data)}</p>`)
  }
  flushColumns()
  return out.join('\n')
}

export interface RenderableSlip {
  title: string
  body: string
  /** Printed on A4 landscape (the tracking book). */
  landscape?: boolean
}

/** The slip as an `<article>` sized for A4, ready to put inside a page. */
export function renderSlipFragment(slip: RenderableSlip, data: SlipData): string {
  const classes = slip.landscape ? 'slip-page slip-landscape' : 'slip-page'
  return `<article class="${classes}" aria-label="${escapeHtml(slip.title)}">\n${renderSlipBody(slip.body, data)}\n</article>`
}

/**
 * Print stylesheet: A4 with the margins of administrative documents (Decree 30/2020/NĐ-CP:
 * top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 13 pt. On screen the page
 * is drawn as a sheet; when printing, only the sheet is printed.
 */
export const SLIP_PRINT_CSS = `@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
@page landscape { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
html { background: #e8e8e8; }
body.slip-document { margin: 0; padding: 1rem 0; color: #000; font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.35; }
.slip-toolbar { max-width: 210mm; margin: 0 auto 1rem; padding: 0.5rem 1rem; background: #fff; font-family: system-ui, sans-serif; font-size: 1rem; display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; }
.slip-page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto 1rem; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 0 4px rgba(0, 0, 0, 0.3); }
.slip-page.slip-landscape { width: 297mm; min-height: 210mm; padding: 15mm 15mm 15mm 20mm; page: landscape; }
.slip-page p { margin: 0 0 4pt; text-align: justify; }
.slip-title { margin: 14pt 0 6pt; font-size: 14pt; font-weight: bold; text-align: center; text-transform: none; }
.slip-center { text-align: center !important; }
.slip-right { text-align: right !important; font-style: italic; }
.slip-gap { height: 8pt; }
.slip-columns { width: 100%; border-collapse: collapse; margin: 0 0 4pt; }
.slip-columns td { width: 50%; padding: 0 4pt; text-align: center; vertical-align: top; }
.slip-columns td:empty::after { content: "\\00a0"; }
.slip-columns td.slip-left, .slip-left { text-align: left !important; font-size: 11pt; }
.slip-left strong { font-style: italic; }
.slip-page > .slip-columns:first-child { font-size: 12pt; }
.slip-page > .slip-columns:first-child td:first-child { width: 42%; }
.slip-page > .slip-columns:first-child tr:nth-child(-n+2) td:first-child { text-transform: uppercase; }
.slip-page > .slip-columns:first-child td:last-child { width: 58%; }
.slip-page > .slip-columns:first-child tr:nth-child(2) strong { display: inline-block; padding-bottom: 2pt; border-bottom: 1px solid #000; }
.slip-list { margin: 0 0 4pt; padding-left: 2em; }
.slip-table { width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: 11pt; }
.slip-table th, .slip-table td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
.slip-table th { font-weight: bold; text-align: center; }
.slip-table td { height: 16pt; }
.slip-blank { letter-spacing: 1px; }
@media screen and (max-width: 220mm) { .slip-page, .slip-page.slip-landscape { width: auto; min-height: 0; margin: 0 0.5rem 1rem; padding: 1rem; } }
@media print {
  html { background: none; }
  body.slip-document { padding: 0; }
  .slip-toolbar { display: none; }
  .slip-page, .slip-page.slip-landscape { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .slip-page:last-child { break-after: auto; }
}
`

export interface SlipDocumentOptions {
  /** Link this stylesheet instead of embedding SLIP_PRINT_CSS (pages under the app's CSP). */
  stylesheetHref?: string
  lang?: string
}

/** A complete HTML page holding one slip, for printing or for conversion to PDF. */
export function renderSlipDocument(slip: RenderableSlip, data: SlipData, options: SlipDocumentOptions = {}): string {
  const style = options.stylesheetHref
    ? `<link rel="stylesheet" href="${escapeHtml(options.stylesheetHref)}">`
    : `<style>${SLIP_PRINT_CSS}</style>`
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'vi')}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(slip.title)}</title>
${style}
</head>
<body class="slip-document">
${renderSlipFragment(slip, data)}
</body>
</html>
`
}

export interface SampleSlipContext {
  /** The receiving agency's name, e.g. the tenant's contact agency. */
  agencyName?: string
  /** The governing body named above the agency. */
  parentAgencyName?: string
  agencyPhone?: string
  place?: string
}

/** Realistic made-up values for every placeholder, for previews (clearly sample data). */
export function sampleSlipData(context: SampleSlipContext = {}): SlipData {
  return {
    co_quan_cap_tren: context.parentAgencyName ?? 'UBND tỉnh Mẫu',
    co_quan: context.agencyName ?? 'Trung tâm Phục vụ hành chính công',
    dia_danh: context.place ?? 'Hà Nội',
    ngay_lap: 'ngày 12 tháng 3 năm 2025',
    so_phieu: '125/PTN',
    ma_ho_so: '000.00.01.H26-250312-0001',
    ten_thu_tuc: 'Đăng ký khai sinh',
    ma_thu_tuc: '1.001193 (mã mẫu)',
    linh_vuc: 'Hộ tịch',
    nguoi_nop: 'Nguyễn Văn An',
    so_dinh_danh: '001090012345',
    dia_chi: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội',
    so_dien_thoai: '0912 345 678',
    thu_dien_tu: 'nguyen.van.an@example.vn',
    nguoi_duoc_uy_quyen: 'Không',
    noi_dung_yeu_cau: 'Đăng ký khai sinh cho con: Nguyễn Minh Khôi, sinh ngày 01/03/2025',
    thanh_phan_ho_so: [
      'Tờ khai đăng ký khai sinh theo mẫu (bản chính): 01 bản',
      'Giấy chứng sinh (bản chính): 01 bản',
      'Giấy tờ tùy thân của người đi đăng ký (bản sao): 01 bản',
    ],
    so_luong_ho_so: '01 bộ',
    thoi_gian_giai_quyet: '01 ngày làm việc',
    ngay_nhan: '09 giờ 15 phút, ngày 12/03/2025',
    ngay_hen_tra: '09 giờ 15 phút, ngày 13/03/2025',
    ngay_hen_tra_moi: '09 giờ 15 phút, ngày 17/03/2025',
    thoi_gian_gia_han: '02 ngày làm việc',
    noi_tra_ket_qua: 'Bộ phận Tiếp nhận và Trả kết quả, Trung tâm Phục vụ hành chính công',
    hinh_thuc_nhan_ket_qua: 'Nhận trực tiếp',
    so_theo_doi: '03',
    so_thu_tu: '125',
    ly_do: 'Giấy chứng sinh chưa có xác nhận của cơ sở y tế nơi trẻ sinh ra.',
    noi_dung_bo_sung: [
      'Giấy chứng sinh có xác nhận của cơ sở y tế nơi trẻ sinh ra (bản chính)',
      'Văn bản ủy quyền có chứng thực (nếu nộp thay)',
    ],
    can_bo_tiep_nhan: 'Trần Thị Bình',
    so_dien_thoai_co_quan: context.agencyPhone ?? '024 3825 0000',
    nguoi_ky: 'Lê Văn Cường',
    chuc_vu_nguoi_ky: 'GIÁM ĐỐC',
    don_vi_giai_quyet: 'Phòng Tư pháp',
    co_quan_phoi_hop: 'Công an phường Hoàn Kiếm',
    ten_ket_qua: 'Giấy khai sinh',
    noi_dung_ket_qua: 'Cấp Giấy khai sinh bản chính và 01 bản sao cho trẻ Nguyễn Minh Khôi.',
    bang_kiem_soat: [
      ['Giao: Bộ phận Tiếp nhận và Trả kết quả\nNhận: Phòng Tư pháp', '10 giờ 00 phút, ngày 12/03/2025', 'Đúng hạn', ''],
      ['Giao: Phòng Tư pháp\nNhận: Bộ phận Tiếp nhận và Trả kết quả', '08 giờ 30 phút, ngày 13/03/2025', 'Trước hạn', ''],
    ],
    bang_so_theo_doi: [
      [
        '1',
        '000.00.01.H26-250312-0001',
        'Đăng ký khai sinh',
        'Nguyễn Văn An',
        'Số 12 phố Hàng Bạc, phường Hoàn Kiếm; 0912 345 678',
        'Phòng Tư pháp',
        '12/03/2025',
        '13/03/2025',
        '13/03/2025',
        'Trực tiếp',
        '',
      ],
    ],
  }
}
