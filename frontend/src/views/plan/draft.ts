// The plan being edited. Amounts and goal targets are held as the text the
// user typed (major units, percent, counts) and only turned into stored units
// when saving, so "125万" or "35.5%" is never rounded on the way.
import type { ApiIssue, Plan } from '@/api/types'
import { currencyDigits, formatMoney, parseMoney } from '@/format'
import { clonePlan, isMoneyMetric, LIMITS, parseCount, parseTarget, targetText } from './model'

export interface Draft {
  /** everything but the amounts below is edited in place here */
  plan: Plan
  /** goal id → target as typed */
  targets: Record<string, string>
  /** goal id → actual to date as typed (custom goals) */
  actuals: Record<string, string>
  budget: string
  forecast: string
}

/** Minor units as the text a user would type: grouped, and without ".00" on round sums. */
const moneyText = (minor: number, currency: string) =>
  minor ? formatMoney(minor, currency, 'en', { plain: true, whole: minor % 10 ** currencyDigits(currency) === 0 }) : ''

export function toDraft(p: Plan): Draft {
  const plan = clonePlan(p)
  const targets: Record<string, string> = {}
  const actuals: Record<string, string> = {}
  for (const g of plan.goals) {
    targets[g.id] = targetText(g.metric, g.target, plan.currency)
    actuals[g.id] = g.metric === 'custom' && g.actual ? String(g.actual) : ''
  }
  return { plan, targets, actuals, budget: moneyText(plan.budget, plan.currency), forecast: moneyText(plan.forecast, plan.currency) }
}

export interface Built {
  plan: Plan
  /** problems found before sending, keyed like the server's fields (draft indices) */
  issues: ApiIssue[]
  /** index of each sent resource in the draft (empty rows are not sent) */
  resourceIndex: number[]
}

const issue = (field: string, rule: string, params?: Record<string, unknown>): ApiIssue =>
  ({ field, rule, params, message: rule })

/** The plan to send, in stored units, and what stops it from being sent. */
export function buildPlan(d: Draft): Built {
  const src = d.plan
  const currency = src.currency
  const issues: ApiIssue[] = []
  const digits = { digits: currencyDigits(currency) }

  const goals = src.goals.map((g, i) => {
    const f = `goals[${i}].`
    if (!g.title.trim()) issues.push(issue(f + 'title', 'required'))
    const raw = (d.targets[g.id] ?? '').trim()
    let target = 0
    if (raw === '') issues.push(issue(f + 'target', 'no_measure'))
    else {
      const r = parseTarget(g.metric, raw, currency)
      if (!r.ok) {
        const reason = r.reason === 'too_precise' && g.metric === 'share_of_wallet' ? 'percent_precise' : r.reason
        issues.push(issue(f + 'target', `parse.${reason}`, digits))
      }
      else if (r.value <= 0) issues.push(issue(f + 'target', 'no_measure'))
      else target = r.value
    }
    let actual = 0
    if (g.metric === 'custom') {
      if (!g.unit.trim()) issues.push(issue(f + 'unit', 'required'))
      const a = (d.actuals[g.id] ?? '').trim()
      if (a !== '') {
        const r = parseCount(a)
        if (!r.ok) issues.push(issue(f + 'actual', `parse.${r.reason}`))
        else actual = r.value
      }
    }
    return {
      ...g,
      title: g.title.trim(),
      unit: g.metric === 'custom' ? g.unit.trim() : '',
      target,
      actual,
    }
  })
  if (goals.length > LIMITS.goals) issues.push(issue('goals', 'too_many', { max: LIMITS.goals }))

  const resourceIndex: number[] = []
  const resources = src.resources.flatMap((r, i) => {
    const description = r.description.trim()
    const owner = r.owner.trim()
    if (!description && !owner) return []
    if (!description) issues.push(issue(`resources[${i}].description`, 'required'))
    resourceIndex.push(i)
    return [{ party: r.party, description, owner }]
  })

  const amount = (field: 'budget' | 'forecast'): number => {
    const raw = d[field].trim()
    if (raw === '') return 0
    const r = parseMoney(raw, currency)
    if (!r.ok) {
      issues.push(issue(field, `parse.${r.reason}`, digits))
      return 0
    }
    if (r.minor < 0) issues.push(issue(field, 'negative'))
    return r.minor
  }
  const budget = amount('budget')
  const forecast = amount('forecast')

  const competitors = src.positioning.targetCompetitors.map((c) => c.trim()).filter(Boolean)

  const plan: Plan = {
    ...src,
    goals,
    resources,
    budget,
    forecast,
    positioning: { ...src.positioning, targetContactIds: [...src.positioning.targetContactIds], targetCompetitors: competitors },
    value: { ...src.value },
  }
  return { plan, issues, resourceIndex }
}

/** A fingerprint of what the user typed, to tell whether anything changed since editing began. */
export function snapshot(d: Draft): string {
  return JSON.stringify(d)
}

/** The money/percent/count kind of a goal's target input, for its placeholder and suffix. */
export function targetKind(metric: Plan['goals'][number]['metric']): 'money' | 'percent' | 'count' {
  return isMoneyMetric(metric) ? 'money' : metric === 'share_of_wallet' ? 'percent' : 'count'
}
