import type { HttpContext } from '@adonisjs/core/http'
import { attachmentDisposition } from '#catalog/index'

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
} as const

export type DocumentFormat = keyof typeof TYPES

export function isDocumentFormat(value: string): value is DocumentFormat {
  return Object.hasOwn(TYPES, value)
}

/** A generated document as the response: never cached, downloaded unless `inline`. */
export function sendFile(
  { response }: HttpContext,
  file: Buffer,
  options: { type: DocumentFormat; name: string; inline?: boolean }
) {
  response.header('content-type', TYPES[options.type])
  response.header('content-disposition', attachmentDisposition(options.name, { inline: options.inline }))
  response.header('cache-control', 'no-store')
  return response.send(file)
}
