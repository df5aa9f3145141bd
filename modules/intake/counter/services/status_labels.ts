/* The Appendix I label of a status code, exactly as ST writes it (the code itself for a tenant's own). */
import { LEGAL_STATUSES } from '#catalog/index'

const LABELS = new Map(LEGAL_STATUSES.map((status) => [status.code, status.label]))

export function statusLabel(code: string) {
  return LABELS.get(code) ?? code
}
