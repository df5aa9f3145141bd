/*
 * The typeface every generated document is set in: DejaVu Serif Condensed, from the
 * `dejavu-fonts-ttf` package, because it covers the whole Vietnamese alphabet (letters with two
 * diacritics included), ships as TrueType that PDF writers embed, and in its condensed width
 * sets a line about as long as the Times New Roman of administrative documents. Read from the
 * installed package, never fetched at run time.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const DOCUMENT_FONT_FAMILY = 'DejaVu Serif Condensed'

const FILES = {
  normal: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italics: 'DejaVuSerifCondensed-Italic.ttf',
  bolditalics: 'DejaVuSerifCondensed-BoldItalic.ttf',
} as const

export type FontStyle = keyof typeof FILES

/** Absolute paths of the family's four styles. */
export function documentFontFiles(): Record<FontStyle, string> {
  const folder = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  return Object.fromEntries(Object.entries(FILES).map(([style, file]) => [style, join(folder, file)])) as Record<
    FontStyle,
    string
  >
}
