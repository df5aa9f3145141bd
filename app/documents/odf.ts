/*
 * OpenDocument packages (ODF 1.3), written by hand because no maintained npm library writes
 * them: a zip whose first entry is the uncompressed `mimetype`, then content.xml, styles.xml,
 * meta.xml and META-INF/manifest.xml. Writers build their content.xml body with xmlText().
 */
import { strToU8, zipSync } from 'fflate'
import { escapeXml } from '#documents/escape'

export const ODF_VERSION = '1.3'

export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ')

/** Text for an XML element or attribute: escaped, and without the control characters XML forbids. */
export function xmlText(value: string): string {
  return escapeXml(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''))
}

/** Paragraph content with line breaks kept as ODF line breaks. */
export function odfLines(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => xmlText(line))
    .join('<text:line-break/>')
}

export interface OdfTextPackage {
  title: string
  landscape?: boolean
  /** office:automatic-styles of content.xml. */
  automaticStyles: string
  /** Inside office:text. */
  body: string
}

function stylesXml(landscape: boolean) {
  const [width, height] = landscape ? ['29.7cm', '21cm'] : ['21cm', '29.7cm']
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${ODF_NAMESPACES} office:version="${ODF_VERSION}">
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Times New Roman" fo:font-size="12pt" fo:language="vi" fo:country="VN"/></style:default-style></office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="${width}" fo:page-height="${height}" style:print-orientation="${landscape ? 'landscape' : 'portrait'}" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="1.5cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>`
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="${ODF_VERSION}">
<manifest:file-entry manifest:full-path="/" manifest:version="${ODF_VERSION}" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`

/** The .odt file of a text document. */
export function odfTextPackage(document: OdfTextPackage): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ODF_NAMESPACES} office:version="${ODF_VERSION}">
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/></office:font-face-decls>
<office:automatic-styles>${document.automaticStyles}</office:automatic-styles>
<office:body><office:text>${document.body}</office:text></office:body>
</office:document-content>`
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${ODF_NAMESPACES} office:version="${ODF_VERSION}"><office:meta><dc:title>${xmlText(document.title)}</dc:title><dc:language>vi-VN</dc:language></office:meta></office:document-meta>`
  const zip = zipSync({
    // First and stored, so that tools recognise the type from the file's first bytes.
    'mimetype': [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8(stylesXml(document.landscape ?? false)),
    'meta.xml': strToU8(meta),
    'META-INF/manifest.xml': strToU8(MANIFEST),
  })
  return Buffer.from(zip)
}
