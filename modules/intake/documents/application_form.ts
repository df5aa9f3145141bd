/*
 * OS-12.2: the application form of a dossier filed online, printed with what the applicant
 * entered in the procedure's e-form (the version they filed with): the agency and national
 * motto header, the procedure's name as title, the applicant, one line per field in the e-form's
 * order (repeatable groups as tables), and the applicant's signature block.
 */
import { Exception } from '@adonisjs/core/exceptions'
import type { Content, TableCell } from 'pdfmake/interfaces.js'
import { administrativeUnits, eformVersion, type EformField, type LeafField } from '#catalog/index'
import { formatDate } from '#services/vietnamese_format'
import { formatMoney } from '#services/money_format'
import { MM, writePdf } from '#documents/pdf'
import { loadDossierFacts, type DossierFacts } from '#intake/documents/dossier_facts'
import { placeOf, slipDateLine } from '#intake/documents/slip_data'
import { slipContent } from '#intake/documents/slip_layout'

export class NoApplicationFormException extends Exception {
  static status = 404
  static code = 'E_NO_APPLICATION_FORM'
}

async function unitName(code: unknown): Promise<string> {
  if (typeof code !== 'string' || !code) return ''
  return (await administrativeUnits.find(code))?.name ?? code
}

/** A stored e-form value as the paper form writes it. */
async function valueText(field: LeafField, value: unknown): Promise<string> {
  if (value === null || value === undefined || value === '') return ''
  switch (field.kind) {
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value)
    case 'money':
      return formatMoney(value as number | string)
    case 'yes_no':
      return value === true || value === 'true' ? 'Có' : 'Không'
    case 'choice':
      return field.options.find((option) => option.value === value)?.label ?? String(value)
    case 'address': {
      const address = value as { province?: string; commune?: string; detail?: string }
      const parts = [address.detail, await unitName(address.commune), await unitName(address.province)]
      return parts.filter(Boolean).join(', ')
    }
    case 'file': {
      const file = value as { clientName?: string; name?: string }
      return file.clientName ?? file.name ?? 'Có tệp đính kèm'
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

async function fieldContent(field: EformField, value: unknown): Promise<Content> {
  if (field.kind !== 'group') {
    const text = await valueText(field, value)
    return { text: [{ text: `${field.label}: ` }, { text: text || '……………………', bold: Boolean(text) }], margin: [0, 0, 0, 3] }
  }
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : []
  const body: TableCell[][] = [
    field.fields.map((child) => ({ text: child.label, bold: true, alignment: 'center' as const })),
    ...(await Promise.all(rows.map((row) => Promise.all(field.fields.map(async (child) => ({ text: await valueText(child, row?.[child.key]) })))))),
  ]
  if (!rows.length) body.push(field.fields.map(() => ({ text: '', margin: [0, 6, 0, 6] as [number, number, number, number] })))
  return {
    stack: [
      { text: `${field.label}:`, margin: [0, 2, 0, 2] },
      { table: { headerRows: 1, widths: field.fields.map(() => '*'), body }, fontSize: 10, margin: [0, 0, 0, 4] },
    ],
  }
}

const HEADER = `{{co_quan_cap_tren}} || **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**{{co_quan}}** || **Độc lập - Tự do - Hạnh phúc**
|| *{{dia_danh}}, {{ngay_lap}}*`

export async function applicationFormPdf(facts: DossierFacts): Promise<Buffer> {
  const { dossier, procedure, tenant, receivingAgency } = facts
  if (!dossier.eformId || dossier.eformVersion === null) {
    throw new NoApplicationFormException(`Dossier ${dossier.code} was not filed with an e-form`)
  }
  const eform = await eformVersion(procedure.id, dossier.eformVersion)
  const values = dossier.formValues ?? {}
  const header = slipContent(HEADER, {
    co_quan_cap_tren: tenant.name,
    co_quan: receivingAgency.name,
    dia_danh: placeOf(facts),
    ngay_lap: slipDateLine(dossier.receivedAt),
  })
  const applicant: Content[] = [
    { text: [{ text: 'Người nộp hồ sơ: ' }, { text: dossier.applicantOrganisationName ?? dossier.applicantFullName, bold: true }] },
    { text: `Số định danh cá nhân/Mã số doanh nghiệp, tổ chức: ${dossier.applicantNationalId ?? dossier.applicantTaxCode ?? ''}` },
    { text: `Địa chỉ: ${dossier.applicantAddress ?? ''}` },
    { text: `Số điện thoại: ${dossier.applicantPhone ?? ''}; Thư điện tử: ${dossier.applicantEmail ?? ''}`, margin: [0, 0, 0, 6] },
  ]
  const fields = await Promise.all(eform.fields.map((field) => fieldContent(field, values[field.key])))
  return writePdf({
    info: { title: `Tờ khai - ${procedure.name} - ${dossier.code}`, subject: dossier.code },
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    content: [
      ...header,
      { text: 'TỜ KHAI', bold: true, fontSize: 13, alignment: 'center', margin: [0, 10, 0, 2] },
      { text: procedure.name, bold: true, alignment: 'center' },
      { text: `Mã hồ sơ: ${dossier.code}`, alignment: 'center', italics: true, margin: [0, 0, 0, 8] },
      { text: `Kính gửi: ${receivingAgency.name}`, alignment: 'center', margin: [0, 0, 0, 8] },
      ...applicant,
      ...fields,
      { text: 'Tôi xin cam đoan những thông tin kê khai trên là đúng sự thật.', margin: [0, 6, 0, 8] },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: '50%',
            alignment: 'center',
            stack: [
              { text: 'NGƯỜI KÊ KHAI', bold: true },
              { text: '(Ký và ghi rõ họ tên)', italics: true, margin: [0, 0, 0, 40] },
              { text: dossier.applicantFullName, bold: true },
            ],
          },
        ],
      },
    ],
  })
}

/** The application form of a dossier of the current tenant. */
export async function dossierApplicationFormPdf(dossierId: number) {
  const facts = await loadDossierFacts(dossierId)
  return { code: facts.dossier.code, pdf: await applicationFormPdf(facts) }
}
