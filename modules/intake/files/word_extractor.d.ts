/** Types for `word-extractor` (reads .doc files), which ships none: the part this module uses. */
declare module 'word-extractor' {
  interface WordDocument {
    getBody(): string
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>
  }
}
