// Amounts travel as integer minor units (fen, cents) plus an ISO 4217 code.
// They are shown and typed in major units; the conversion goes through decimal
// strings so no binary floating point ever touches a stored amount.

const digitsCache = new Map<string, number>()

/** Minor-unit digits of a currency (CNY 2, JPY 0, KWD 3), per CLDR like the Go side. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase()
  let d = digitsCache.get(code)
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      d = 2
    }
    digitsCache.set(code, d)
  }
  return d
}

/** Exact decimal text of minor units in major units: (123456, 2) → "1234.56". */
export function minorToDecimal(minor: number | bigint, digits: number): string {
  let n = BigInt(minor)
  const neg = n < 0n
  if (neg) n = -n
  const s = n.toString().padStart(digits + 1, '0')
  const int = s.slice(0, s.length - digits)
  const frac = digits > 0 ? '.' + s.slice(s.length - digits) : ''
  return (neg ? '-' : '') + int + frac
}

export interface MoneyFormatOptions {
  /** Round to whole major units (tables, charts). */
  whole?: boolean
  /** Short form: 1.2万 / 1.2M. */
  compact?: boolean
  /** Show the amount without a currency sign. */
  plain?: boolean
}

const fmtCache = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, currency: string, o: MoneyFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${currency}|${o.whole ? 1 : 0}${o.compact ? 1 : 0}${o.plain ? 1 : 0}`
  let f = fmtCache.get(key)
  if (!f) {
    const digits = currencyDigits(currency)
    const opts: Intl.NumberFormatOptions = o.plain
      ? { minimumFractionDigits: o.whole ? 0 : digits, maximumFractionDigits: o.whole ? 0 : digits }
      : { style: 'currency', currency, currencyDisplay: 'symbol' }
    if (!o.plain && o.whole) {
      opts.minimumFractionDigits = 0
      opts.maximumFractionDigits = 0
    }
    if (o.compact) {
      opts.notation = 'compact'
      opts.minimumFractionDigits = 0
      opts.maximumFractionDigits = 1
    }
    try {
      f = new Intl.NumberFormat(locale, opts)
    } catch {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
    }
    fmtCache.set(key, f)
  }
  return f
}

/** Formats minor units in major units for the locale, e.g. 123456 CNY → "¥1,234.56". */
export function formatMoney(minor: number, currency: string, locale: string, o: MoneyFormatOptions = {}): string {
  if (!Number.isFinite(minor)) return ''
  const code = (currency || 'CNY').toUpperCase()
  const decimal = minorToDecimal(Math.trunc(minor), currencyDigits(code))
  // Intl formats decimal strings exactly (no float rounding on the way).
  return numberFormat(locale, code, o).format(decimal as Intl.StringNumericLiteral)
}

export type ParseMoneyResult =
  | { ok: true; minor: number }
  | { ok: false; reason: 'empty' | 'invalid' | 'too_precise' | 'too_large' }

const FULLWIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g

/**
 * Parses what a user typed in major units into minor units. Accepts grouping
 * commas, currency signs, full-width digits (from Chinese IMEs) and the
 * Chinese multipliers 万 (10⁴) and 亿 (10⁸). Refuses more decimals than the
 * currency has rather than silently rounding.
 */
export function parseMoney(input: string, currency: string): ParseMoneyResult {
  const code = (currency || 'CNY').toUpperCase()
  const digits = currencyDigits(code)
  let s = input
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,_'’]/g, '')
  if (s === '') return { ok: false, reason: 'empty' }
  // Optional sign, currency sign or code ("¥", "CN¥", "USD"), then the number.
  let signText = ''
  const lead = /^([+-]?)(?:[A-Za-z]{2,3}[¥￥$€£₩]|[¥￥$€£₩]|[A-Za-z]{3})?/.exec(s)
  if (lead && /^[+-]?[A-Za-z]{3}$/.test(lead[0]) && lead[0].slice(-3).toUpperCase() !== code) {
    return { ok: false, reason: 'invalid' }
  }
  if (lead) {
    signText = lead[1] ?? ''
    s = s.slice(lead[0].length)
  }
  if (!signText && /^[+-]/.test(s)) {
    signText = s[0] ?? ''
    s = s.slice(1)
  }
  // trailing code of this currency, or 元: "100 CNY", "100元"
  if (s.toUpperCase().endsWith(code)) s = s.slice(0, -3)
  else if (s.endsWith('元')) s = s.slice(0, -1)
  let shift = 0
  if (s.endsWith('万')) { shift = 4; s = s.slice(0, -1) }
  else if (s.endsWith('亿')) { shift = 8; s = s.slice(0, -1) }
  s = signText + s
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, reason: 'invalid' }
  const sign = m[1] === '-' ? -1n : 1n
  const int = m[2] || '0'
  const frac = (m[3] ?? '').replace(/0+$/, '')
  const scale = digits + shift
  if (frac.length > scale) return { ok: false, reason: 'too_precise' }
  const minor = sign * BigInt(int + frac.padEnd(scale, '0'))
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: 'too_large' }
  }
  return { ok: true, minor: Number(minor) }
}

/** Major-unit number for inputs and charts (display only, never stored back). */
export function minorToMajor(minor: number, currency: string): number {
  return Number(minorToDecimal(Math.trunc(minor), currencyDigits(currency || 'CNY')))
}

/** Common ISO 4217 codes offered in currency pickers, most used by our users first. */
export const COMMON_CURRENCIES = [
  'CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'KRW', 'SGD', 'TWD', 'AUD', 'CAD', 'CHF',
  'SEK', 'NOK', 'DKK', 'INR', 'THB', 'MYR', 'IDR', 'VND', 'PHP', 'AED', 'SAR', 'BRL',
  'MXN', 'ZAR', 'RUB', 'TRY', 'PLN', 'NZD',
] as const
