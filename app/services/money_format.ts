/*
 * Money in đồng, as Vietnamese documents write it: thousands separated by dots, no decimals,
 * "đ" after the amount (1.000.000 đ). The reverse, parseMoney, reads what an officer types in a
 * fee field: "1.000.000", "1 000 000", "1,000,000" or "1000000".
 */

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g

/** 1000000 → "1.000.000 đ"; null, undefined and non-numbers → "". */
export function formatMoney(amount: number | string | bigint | null | undefined): string {
  const digits = formatAmount(amount)
  return digits ? `${digits} đ` : ''
}

/** 1000000 → "1.000.000" (no unit), for a form field's value. */
export function formatAmount(amount: number | string | bigint | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return ''
  const value = typeof amount === 'bigint' ? amount : Number(amount)
  if (typeof value === 'number' && !Number.isFinite(value)) return ''
  const whole = typeof value === 'bigint' ? value : BigInt(Math.round(value))
  const sign = whole < 0n ? '-' : ''
  const absolute = (whole < 0n ? -whole : whole).toString()
  return sign + absolute.replace(THOUSANDS, '.')
}

/**
 * A whole amount of đồng typed by a person, or null when it is not one: dots and spaces may
 * separate thousands ("1.000.000", "1 000 000", "1,000,000"; one kind per amount), a trailing "đ" or "đồng" is ignored.
 */
export function parseMoney(typed: string | number | null | undefined): number | null {
  if (typeof typed === 'number') return Number.isSafeInteger(typed) && typed >= 0 ? typed : null
  if (typeof typed !== 'string') return null
  const text = typed
    .normalize('NFC')
    .trim()
    .replace(/\s*(đồng|đ|vnđ|vnd)$/i, '')
    .trim()
  if (!/^\d{1,3}(\.\d{3})*$|^\d{1,3}([\s\u00a0]\d{3})*$|^\d{1,3}(,\d{3})*$|^\d+$/.test(text)) return null
  const value = Number(text.replace(/[.,\s\u00a0]/g, ''))
  return Number.isSafeInteger(value) ? value : null
}
