/*
 * Machine-readable codes printed on documents (NF-16): the dossier code as a Code 128 barcode,
 * which counter scanners type into the search box, and a QR code holding a link. Both are PNG
 * images on white with their quiet zones, drawn by bwip-js (no network, no native code).
 */
import bwipjs from 'bwip-js'

export interface CodeImage {
  png: Buffer
  /** The same image as a data: URL, for PDF writers and <img> tags (the CSP allows data: images). */
  dataUrl: string
}

function image(png: Buffer): CodeImage {
  return { png, dataUrl: `data:image/png;base64,${png.toString('base64')}` }
}

/** Code 128 of `text` (printable ASCII); the human-readable line is left to the document. */
export async function code128(text: string): Promise<CodeImage> {
  return image(
    await bwipjs.toBuffer({
      bcid: 'code128',
      text,
      scale: 3,
      height: 12,
      paddingwidth: 10,
      paddingheight: 2,
      backgroundcolor: 'FFFFFF',
    })
  )
}

/** QR code of `text` (a URL, say), error correction M, enough for a smudged print. */
export async function qrCode(text: string): Promise<CodeImage> {
  // eclevel is a BWIPP option that bwip-js passes through but does not declare.
  const options: bwipjs.RenderOptions & { eclevel: 'L' | 'M' | 'Q' | 'H' } = {
    bcid: 'qrcode',
    text,
    eclevel: 'M',
    scale: 4,
    paddingwidth: 4,
    paddingheight: 4,
    backgroundcolor: 'FFFFFF',
  }
  return image(await bwipjs.toBuffer(options))
}
