/*
 * How a service's facts read on the portal: deadlines, file types and sizes, the meta
 * description, and the schema.org GovernmentService data search engines read (NF-2).
 */
import type { I18n } from '@adonisjs/i18n'
import type { FormTemplate, Procedure } from '#catalog/index'
import type Tenant from '#tenancy/tenant'

/** "15 ngày làm việc", "2,5 ngày làm việc", or "trong ngày làm việc" for half a day. */
export function deadlineLabel(i18n: I18n, days: number) {
  if (days < 1) return i18n.t('services.deadline_same_day')
  return i18n.t('services.deadline_days', { days: String(days).replace('.', ',') })
}

const TYPE_BY_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
}

/** "PDF", "DOCX", … from the type detected at upload, else from the file name. */
export function fileTypeLabel(template: Pick<FormTemplate, 'mimeType' | 'originalName'>) {
  const known = TYPE_BY_MIME[template.mimeType]
  if (known) return known
  const extension = /\.([a-z0-9]{1,5})$/i.exec(template.originalName)?.[1]
  return extension ? extension.toUpperCase() : template.mimeType
}

/** "850 B", "45 KB", "1,2 MB" (Vietnamese decimal comma). */
export function fileSizeLabel(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
}

/** The page's meta description: what the service is, in one or two short sentences. */
export function serviceDescription(i18n: I18n, procedure: Procedure, tenant: Tenant) {
  const description = i18n.t('services.show.description', {
    name: procedure.name,
    sector: procedure.sector.name,
    level: procedure.onlineLevel,
    deadline: deadlineLabel(i18n, procedure.legalDeadlineDays),
    site: tenant.name,
  })
  return description.length > 300 ? `${description.slice(0, 297)}…` : description
}

/**
 * schema.org GovernmentService for the service page. Output inside
 * `<script type="application/ld+json">`: a data block, which the CSP's script-src does not
 * govern because it is never executed. `<`, `>` and `&` are escaped so no text can close the tag.
 */
export function governmentServiceJsonLd(
  i18n: I18n,
  procedure: Procedure,
  tenant: Tenant,
  urls: { page: string }
) {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    'name': procedure.name,
    'url': urls.page,
    'serviceType': procedure.sector.name,
    'description': serviceDescription(i18n, procedure, tenant),
    'areaServed': { '@type': 'AdministrativeArea', 'name': tenant.name },
    'provider': procedure.agencies.length
      ? procedure.agencies.map((agency) => ({ '@type': 'GovernmentOrganization', 'name': agency.name }))
      : { '@type': 'GovernmentOrganization', 'name': tenant.contact.agencyName },
    'availableChannel': procedure.channels.map((channel) => ({
      '@type': 'ServiceChannel',
      'name': i18n.t(`services.channels.${channel}`),
      // The page itself until the online application (issue 4, item 3) has its own address.
      ...(channel === 'online' ? { serviceUrl: urls.page } : {}),
    })),
  }
  // Sample codes are made up: they must not reach a search engine as identifiers.
  if (procedure.nationalCode && !procedure.isSampleCode) data.identifier = procedure.nationalCode
  if (procedure.fees.length) {
    data.offers = procedure.fees.map((fee) => ({
      '@type': 'Offer',
      'name': fee.description,
      'price': Number(fee.amount),
      'priceCurrency': 'VND',
    }))
  }
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}
