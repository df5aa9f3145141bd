/*
 * Vietnamese text without its diacritics ("Đăng ký hộ tịch" → "Dang ky ho tich"), case kept: for
 * SMS, ASCII file-name fallbacks, slugs and keys. Search does the same in SQL (immutable_unaccent).
 */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}
