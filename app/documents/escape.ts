const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe for HTML or XML content and quoted attributes. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character])
}
