/** Deep-normalises every string in a parsed request body or query string to Unicode NFC. */
export function normalizeToNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T
  if (Array.isArray(value)) return value.map((item) => normalizeToNfc(item)) as T
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const normalized: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) normalized[key] = normalizeToNfc(item)
    return normalized as T
  }
  return value
}
