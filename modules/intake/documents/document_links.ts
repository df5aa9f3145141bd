/** Addresses of a dossier's documents, for the pages that link to them (the officer's dossier page). */
export const TRACKING_BOOK_PATH = '/mot-cua/so-theo-doi'

/** OS-18.2: the trail export in each format. */
export function trailExportPaths(dossierId: number) {
  const base = `/mot-cua/ho-so/${dossierId}/nhat-ky`
  return { docx: `${base}.docx`, xlsx: `${base}.xlsx`, odt: `${base}.odt`, pdf: `${base}.pdf` }
}

/** OS-12.2: the application form printed with the applicant's data (dossiers filed with an e-form). */
export function applicationFormPath(dossierId: number) {
  return `/mot-cua/ho-so/${dossierId}/to-khai.pdf`
}
