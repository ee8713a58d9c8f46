// What the program views share: health colours, the wording of fired rules,
// renewal alerts and KPI values, and conversions between the stored units
// (minor units, basis points, tenths) and what people type.
import { useI18n } from 'vue-i18n'
import type { AlertLevel, Contract, Finding, HealthLevel, KpiMetric, RenewalAlert, RuleKey } from '@/api/programs'
import type { DateString } from '@/api/types'
import { useFormat } from '@/format'

/** Health colours that read on light and dark backgrounds alike. */
export const HEALTH_COLOR: Record<HealthLevel, string> = {
  green: '#18a058',
  amber: '#e0a31a',
  red: '#d03050',
}

export const ALERT_TYPE: Record<AlertLevel, 'info' | 'warning' | 'error'> = {
  notice: 'info',
  urgent: 'warning',
  overdue: 'error',
  expired: 'error',
}

/** The alert's colour: a renewal still ahead with its renewal work planned is only a notice. */
export function alertType(a: RenewalAlert): 'info' | 'warning' | 'error' {
  return a.actioned && (a.level === 'notice' || a.level === 'urgent') ? 'info' : ALERT_TYPE[a.level]
}

/** The unit each rule's threshold is in. */
export const RULE_UNIT: Record<RuleKey, 'percent' | 'days' | 'count'> = {
  revenue_red: 'percent',
  revenue_amber: 'percent',
  renewal_urgent: 'days',
  renewal_near: 'days',
  coverage_fell: 'days',
  overdue_actions: 'count',
  kpi_short: 'percent',
  actuals_missing: 'days',
}

/** Basis points → percent for inputs and labels. */
export const bpToPercent = (bp: number) => bp / 100
export const percentToBp = (p: number) => Math.round(p * 100)
/** Tenths of a 0–10 score → the score. */
export const tenthsToScore = (v: number) => v / 10
export const scoreToTenths = (s: number) => Math.round(s * 10)

/** The route of a program, with an optional year. */
/** The contract's notice / renewal date, or its end when none is set (as the core reads it). */
export const renewalDate = (c: Contract): DateString => c.renewal || c.end

export function programRoute(id: string, year?: number) {
  return year ? { path: `/programs/${encodeURIComponent(id)}`, query: { year: String(year) } } : `/programs/${encodeURIComponent(id)}`
}

export function useProgramText() {
  const { t } = useI18n()
  const fmt = useFormat()

  const pct = (v: number, digits = 0) => `${fmt.number(v, { maximumFractionDigits: digits })}%`

  function when(days: number): string {
    if (days === 0) return t('programs.renewalToday')
    return days > 0 ? t('programs.renewalIn', { days }) : t('programs.renewalAgo', { days: -days })
  }

  /** A KPI value in its unit: money, percent or a 0–10 score; compact money fits a tile. */
  function kpiValue(metric: KpiMetric, v: number, currency: string, compact = false): string {
    switch (metric) {
      case 'revenue':
        return fmt.money(v, currency, compact ? { compact: true } : { whole: true })
      case 'satisfaction':
        return fmt.number(tenthsToScore(v), { maximumFractionDigits: 1 })
      default:
        return pct(bpToPercent(v), 1)
    }
  }

  /** One fired rule in the user's language. */
  function finding(f: Finding, currency: string): string {
    const p = f.params ?? {}
    const num = (k: string) => Number(p[k] ?? 0)
    switch (f.rule) {
      case 'revenue_red':
      case 'revenue_amber':
        return t(`programs.findings.${f.rule}`, { percent: fmt.number(num('percent'), { maximumFractionDigits: 1 }), threshold: num('threshold') })
      case 'renewal_urgent':
      case 'renewal_near':
        return t(`programs.findings.${f.rule}`, { date: fmt.date(String(p.date ?? '')), when: when(num('days')) })
      case 'coverage_fell':
        return t('programs.findings.coverage_fell', {
          from: fmt.number(num('from'), { maximumFractionDigits: 1 }),
          to: fmt.number(num('to'), { maximumFractionDigits: 1 }),
          days: num('days'),
        })
      case 'overdue_actions':
        return t('programs.findings.overdue_actions', { count: num('count'), milestones: num('milestones') }, num('count'))
      case 'kpi_short': {
        const metric = String(p.metric ?? '') as KpiMetric
        return t('programs.findings.kpi_short', {
          metric: t(`programs.kpi.${metric}`),
          actual: kpiValue(metric, num('actual'), currency),
          target: kpiValue(metric, num('target'), currency),
          threshold: num('threshold'),
        })
      }
      case 'actuals_missing': {
        const since = String(p.since ?? '')
        const m = /^(\d{4})-Q(\d)$/.exec(since)
        return t('programs.findings.actuals_missing', {
          count: num('count'),
          since: m ? quarterLabel(Number(m[1]), Number(m[2])) : since,
          days: num('days'),
        }, num('count'))
      }
      default:
        return f.reason
    }
  }

  function quarterLabel(year: number, q: number): string {
    return t('programs.countries.yearQuarter', { year, q })
  }

  function renewalText(a: RenewalAlert): string {
    const date = fmt.date(a.date)
    const end = fmt.date(a.end)
    switch (a.level) {
      case 'notice':
        return t('programs.renewal.notice', { date, days: a.days })
      case 'urgent':
        if (a.days === 0) return t('programs.renewal.urgentToday', { date })
        // "time to act" only while nobody has: planned renewal work reads as a plain date
        return a.actioned ? t('programs.renewal.notice', { date, days: a.days }) : t('programs.renewal.urgent', { date, days: a.days })
      case 'overdue':
        return t('programs.renewal.overdue', { date, days: -a.days, end })
      default:
        return t('programs.renewal.expired', { end })
    }
  }

  return { pct, when, kpiValue, finding, renewalText, quarterLabel }
}
