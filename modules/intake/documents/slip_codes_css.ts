/** Where the print page puts the barcode and the QR code: top right of the slip, as in the PDF. */
export const SLIP_CODES_CSS = `
.slip-codes { display: flex; justify-content: flex-end; align-items: flex-start; gap: 4mm; margin: 2mm 0 0; }
.slip-codes figure { margin: 0; text-align: center; font-size: 8pt; }
.slip-codes .slip-barcode img { display: block; width: 62mm; height: 10mm; }
.slip-codes .slip-qr { display: block; width: 18mm; height: 18mm; }
`
