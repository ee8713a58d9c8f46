// Calendar dates are "YYYY-MM-DD" strings with no time zone. Every conversion
// here works on calendar fields, never on UTC instants, so a date cannot slip
// a day when the user's zone is far from UTC.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseDate(s: string): { y: number; m: number; d: number } | null {
  const r = DATE_RE.exec(s)
  if (!r) return null
  const y = Number(r[1]), m = Number(r[2]), d = Number(r[3])
  const check = new Date(Date.UTC(y, m - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null
  return { y, m, d }
}

export function isDateString(s: string): boolean {
  return parseDate(s) !== null
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** Naive UI date pickers hold local-midnight timestamps. "" → null. */
export function dateToTimestamp(s: string): number | null {
  const p = parseDate(s)
  return p ? new Date(p.y, p.m - 1, p.d).getTime() : null
}

/** The local calendar day of a picker timestamp. null → "". */
export function timestampToDate(ts: number | null | undefined): string {
  if (ts === null || ts === undefined || !Number.isFinite(ts)) return ''
  const d = new Date(ts)
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Today in the user's zone, or from an injected clock in tests. */
export function today(now: Date = new Date()): string {
  return timestampToDate(now.getTime())
}

function dayNumber(s: string): number | null {
  const p = parseDate(s)
  return p ? Date.UTC(p.y, p.m - 1, p.d) / 86_400_000 : null
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number | null {
  const x = dayNumber(a), y = dayNumber(b)
  return x === null || y === null ? null : y - x
}

export function addDays(s: string, n: number): string {
  const p = parseDate(s)
  if (!p) return ''
  const d = new Date(Date.UTC(p.y, p.m - 1, p.d + n))
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export type DateStyle = 'short' | 'medium' | 'long'

/** "2024-03-05" → "Mar 5, 2024" / "2024年3月5日". */
export function formatDate(s: string, locale: string, style: DateStyle = 'medium'): string {
  const p = parseDate(s)
  if (!p) return ''
  // Format a UTC instant in UTC so the calendar fields come out unchanged.
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' })
    .format(new Date(Date.UTC(p.y, p.m - 1, p.d)))
}

/** "3 days ago", "yesterday", "in 2 weeks", "3天前" relative to today. */
export function formatRelative(s: string, locale: string, todayStr: string = today()): string {
  const diff = daysBetween(todayStr, s)
  if (diff === null) return ''
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(diff)
  if (abs < 7) return rtf.format(diff, 'day')
  if (abs < 30) return rtf.format(Math.trunc(diff / 7), 'week')
  if (abs < 365) return rtf.format(Math.trunc(diff / 30), 'month')
  return rtf.format(Math.trunc(diff / 365), 'year')
}

/** Formats an RFC 3339 timestamp (createdAt, updatedAt) as a local date and time. */
export function formatTimestamp(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}
