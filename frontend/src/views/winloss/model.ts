// Labels, drafts and exports shared by the win-loss views.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Close, Opportunity, Sheet, WinLossSettings } from '@/api/winloss'
import { today } from '@/format'

/** A settings label in the UI language (Chinese for zh-CN, else English). */
export function labelIn(locale: string, l: { en: string; zh: string } | undefined, fallback: string): string {
  if (!l) return fallback
  return (locale.startsWith('zh') ? l.zh || l.en : l.en || l.zh) || fallback
}

/** Stage and reason names from the settings, in the UI language. */
export function useSettingsLabels(settings: () => WinLossSettings | null | undefined) {
  const { locale, t, te } = useI18n()
  const stageMap = computed(() => new Map((settings()?.stages ?? []).map((s) => [s.key, s])))
  const reasonMap = computed(() => new Map((settings()?.reasons ?? []).map((r) => [r.key, r])))
  return {
    stage: (key: string) => labelIn(String(locale.value), stageMap.value.get(key)?.label, key),
    reason: (key: string) => labelIn(String(locale.value), reasonMap.value.get(key)?.label, key),
    outcome: (key: string) => (te(`winloss.outcome.${key || 'open'}`) ? t(`winloss.outcome.${key || 'open'}`) : key),
  }
}

export function emptyOpportunity(accountId: string, currency: string, owner: string, s: WinLossSettings | null): Opportunity {
  const first = s?.stages[0]
  return {
    id: '', rev: 0, createdAt: '', updatedAt: '',
    accountId, title: '', value: { amount: 0, currency }, stage: first?.key ?? '', probability: first?.probability ?? 0,
    expectedClose: '', openedOn: today(), competitors: [], influences: [], screen: {}, owner, notes: '', history: [],
    close: null, settingsVersion: 0,
  }
}

export function emptyClose(): Close {
  return { outcome: '', primaryReason: '', secondaryReasons: [], winner: '', lessons: '', on: today(), interview: null }
}

/** One CSV field: quoted when it holds a separator, quote or line break. */
function csvField(v: string | number): string {
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A table as CSV with a BOM, so Excel opens Chinese text correctly. */
export function toCsv(sheet: Sheet): Blob {
  const lines = [sheet.headers, ...sheet.rows].map((r) => r.map(csvField).join(','))
  return new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' })
}

export function base64ToBlob(b64: string, type: string): Blob {
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type })
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A file-name-safe slug of a chart title. */
export function fileSlug(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60)
}

/** Minor units to major units as a plain number for a spreadsheet cell. */
export function major(minor: number, digits: number): number {
  return minor / 10 ** digits
}

/** A deep copy of plain data (reactive proxies included, which structuredClone refuses). */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}
