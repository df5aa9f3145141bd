/* The Appendix I label of a status code, exactly as ST writes it (the code itself for a tenant's own). */
import { STATUS_LABELS } from '#catalog/index'

export function statusLabel(code: string) {
  return Object.hasOwn(STATUS_LABELS, code) ? STATUS_LABELS[code] : code
}
