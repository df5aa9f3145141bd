/*
 * The text of an RTF document (NF-24 lists .rtf among the formats to view). No maintained npm
 * library reads general RTF on a server (those found only de-encapsulate Outlook bodies or need a
 * browser DOM), and only the text is needed: this walks the RTF groups, skips the destinations
 * that are not body text (font and colour tables, pictures, metadata, `\*` destinations), and
 * decodes `\uN` characters and `\'hh` bytes in the document's code page (Vietnamese Word writes
 * windows-1258 bytes or Unicode escapes).
 */

/** Destinations whose content is never body text. */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'footer', 'headerl', 'headerr',
  'headerf', 'footerl', 'footerr', 'footerf', 'themedata', 'colorschememapping', 'latentstyles',
  'datastore', 'xmlnstbl', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'filetbl', 'revtbl',
  'pgdsctbl', 'fldinst', 'footnote', 'bkmkstart', 'bkmkend', 'nonshppict', 'shpinst', 'listtext',
])

const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', cell: '\t', tab: '\t',
  emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”',
  emspace: ' ', enspace: ' ', qmspace: ' ',
}

interface GroupState {
  skip: boolean
  /** Characters to drop after a \uN (its fallback), \ucN. */
  uc: number
}

function decoderFor(codePage: number) {
  try {
    return new TextDecoder(codePage === 65001 ? 'utf-8' : `windows-${codePage}`)
  } catch {
    return new TextDecoder('windows-1252')
  }
}

export function rtfToText(input: Buffer | string): string {
  const rtf = typeof input === 'string' ? input : input.toString('latin1')
  if (!rtf.startsWith('{\\rtf')) throw new Error('Not an RTF document')
  let decoder = decoderFor(1252)
  const stack: GroupState[] = []
  let state: GroupState = { skip: false, uc: 1 }
  let out = ''
  let bytes: number[] = []
  let dropFallback = 0
  /** Set right after `{`: the group's first control word may name a destination. */
  let groupStart = false

  const flushBytes = () => {
    if (bytes.length && !state.skip) out += decoder.decode(Uint8Array.from(bytes))
    bytes = []
  }
  const emit = (text: string) => {
    flushBytes()
    if (!state.skip) out += text
  }

  let i = 0
  while (i < rtf.length) {
    const char = rtf[i]
    if (char === '{') {
      flushBytes()
      stack.push(state)
      state = { ...state }
      groupStart = true
      i++
      continue
    }
    if (char === '}') {
      flushBytes()
      state = stack.pop() ?? state
      groupStart = false
      i++
      continue
    }
    if (char === '\\') {
      const next = rtf[i + 1]
      if (next === "'") {
        const byte = Number.parseInt(rtf.slice(i + 2, i + 4), 16)
        i += 4
        if (dropFallback > 0) {
          dropFallback--
        } else if (!Number.isNaN(byte)) {
          bytes.push(byte)
        }
        groupStart = false
        continue
      }
      if (next === '*') {
        if (groupStart) state.skip = true
        i += 2
        continue
      }
      const word = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 45))
      if (!word) {
        // A control symbol: \\ \{ \} are literal, \~ a no-break space, the rest are ignored.
        if (next === '\\' || next === '{' || next === '}') emit(next)
        else if (next === '~') emit('\u00a0')
        else if (next === '_') emit('-')
        else if (next === '\n' || next === '\r') emit('\n')
        i += 2
        groupStart = false
        continue
      }
      i += 1 + word[0].length
      const name = word[1]
      const parameter = word[2] === undefined ? undefined : Number(word[2])
      if (groupStart && SKIPPED_DESTINATIONS.has(name)) state.skip = true
      groupStart = false
      if (name === 'ansicpg' && parameter) decoder = decoderFor(parameter)
      else if (name === 'uc' && parameter !== undefined) state.uc = parameter
      else if (name === 'u' && parameter !== undefined) {
        emit(String.fromCharCode(parameter < 0 ? parameter + 65536 : parameter))
        dropFallback = state.uc
      } else if (name in SYMBOLS) emit(SYMBOLS[name])
      continue
    }
    groupStart = false
    if (char === '\r' || char === '\n') {
      i++
      continue
    }
    if (dropFallback > 0) {
      dropFallback--
      i++
      continue
    }
    bytes.push(rtf.charCodeAt(i) & 0xff)
    i++
  }
  flushBytes()
  // Code-page bytes may decode to a letter and its combining marks (windows-1258).
  return out.normalize('NFC')
}
