/*
 * What an uploaded file really is, read from its bytes with `file-type` rather than trusted from
 * its name or the browser's Content-Type: a PDF renamed .docx or a program renamed .pdf is
 * refused. Shared by form templates (OS-2.5, OL-7) and e-form file fields.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import { fileTypeFromFile } from 'file-type'
import { withoutDiacritics } from '#services/without_diacritics'

/** Document and image types the platform accepts, by the extension a person sees. */
export const KNOWN_TYPES = {
  pdf: { mime: 'application/pdf', detected: ['pdf'] },
  doc: { mime: 'application/msword', detected: ['cfb'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', detected: ['docx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', detected: ['odt'] },
  jpg: { mime: 'image/jpeg', detected: ['jpg'] },
  png: { mime: 'image/png', detected: ['png'] },
  xls: { mime: 'application/vnd.ms-excel', detected: ['cfb'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', detected: ['xlsx'] },
  rtf: { mime: 'application/rtf', detected: ['rtf'] },
  xml: { mime: 'application/xml', detected: ['xml'] },
} as const
export type KnownType = keyof typeof KNOWN_TYPES

/** Form templates: the text formats of OL-7 (.doc and .pdf at least), plus .docx and .odt. */
export const FORM_TEMPLATE_TYPES: KnownType[] = ['doc', 'docx', 'pdf', 'odt']
export const FORM_TEMPLATE_MAX_MB = 10

export interface DetectedFile {
  /** The accepted type, by the extension people know it by. */
  type: KnownType
  mime: string
}

function extensionOf(fileName: string) {
  const ext = extname(fileName).slice(1).toLowerCase()
  return ext === 'jpeg' ? 'jpg' : ext
}

/**
 * The type of the file at `path` when both its name and its content are one of `allowed`, and
 * they agree; undefined otherwise. An XML file has no magic number file-type can always see, so
 * it is recognised by its declaration.
 */
export async function detectAllowedType(path: string, fileName: string, allowed: readonly KnownType[]) {
  const claimed = extensionOf(fileName) as KnownType
  if (!allowed.includes(claimed) || !(claimed in KNOWN_TYPES)) return undefined
  const detected = await fileTypeFromFile(path)
  let detectedExt: string | undefined = detected?.ext
  if (!detectedExt && claimed === 'xml' && (await startsWithXmlDeclaration(path))) detectedExt = 'xml'
  if (!detectedExt || !(KNOWN_TYPES[claimed].detected as readonly string[]).includes(detectedExt)) return undefined
  return { type: claimed, mime: KNOWN_TYPES[claimed].mime } satisfies DetectedFile
}

async function startsWithXmlDeclaration(path: string) {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0)
    return /^(\uFEFF)?<\?xml\s/.test(buffer.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await handle.close()
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk)
  return hash.digest('hex')
}

/**
 * A Content-Disposition header that keeps a Vietnamese file name: an ASCII fallback for old
 * clients and the UTF-8 name in RFC 5987 form (`filename*=UTF-8''…`); `inline` to show it in the browser.
 */
export function attachmentDisposition(fileName: string, options: { inline?: boolean } = {}) {
  const fallback =
    withoutDiacritics(fileName)
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_') || 'tep-tin'
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${options.inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

/** Size in MB for people: 10 MB, 0,5 MB. */
export function megabytes(mb: number) {
  return `${String(mb).replace('.', ',')} MB`
}
