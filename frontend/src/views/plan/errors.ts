// Plan errors in the user's language, each placed next to the field it is
// about. Rules only plans have (no_measure, read_only, the input parse
// failures) are translated here; everything else goes to the shared helper.
import { useI18n } from 'vue-i18n'
import type { ApiError, ApiIssue } from '@/api/types'
import { issuesOf, toApiError } from '@/api/errors'
import { errorText, issueText } from '@/i18n/errors'

/** "goals[2].target" → "goals.target": the label key of a field path. */
export function labelKey(field: string): string {
  return field.replace(/\[\d+\]/g, '')
}

/**
 * Where on the page an issue shows: goal and resource fields keep their row,
 * list entries (one target contact, one competitor) show on their list.
 * Resource rows are renumbered from the sent list to the rows on screen.
 */
export function displayField(field: string, resourceIndex: readonly number[] = []): string | null {
  let m = /^goals\[(\d+)\]\.(title|metric|target|unit|actual|notes)$/.exec(field)
  if (m) return field
  m = /^resources\[(\d+)\]\.(party|description|owner)$/.exec(field)
  if (m) return `resources[${resourceIndex[Number(m[1])] ?? Number(m[1])}].${m[2]}`
  m = /^positioning\.(targetContactIds|targetCompetitors)(\[\d+\])?$/.exec(field)
  if (m) return `positioning.${m[1]}`
  if (/^(goals|resources|strategicFocus|actionPlan|budget|forecast|budgetNotes|positioning\.(statement|valueProposition)|value\.(functional|psychological|customerCommitments|tracking))$/.test(field)) {
    return field
  }
  return null
}

export interface SpreadErrors {
  /** display field → message */
  fields: Record<string, string>
  /** what belongs to no field on the page */
  top: string
  /** someone saved the plan in the meantime */
  conflict: boolean
  /** the plan has been rolled forward: history */
  readOnly: boolean
}

export function usePlanErrors() {
  const { t, te } = useI18n()
  const tt = (k: string, p?: Record<string, unknown>) => (p ? t(k, p) : t(k))
  const ee = (k: string) => te(k)

  function label(field: string): string {
    const key = `plan.fields.${labelKey(field)}`
    return te(key) ? t(key) : t('errors.thisField')
  }

  function params(issue: ApiIssue): Record<string, unknown> {
    const p: Record<string, unknown> = { ...(issue.params ?? {}), field: label(issue.field), message: issue.message }
    if (typeof p.year === 'number') p.next = p.year + 1
    // kinds the shared messages do not name yet
    const kind = p.kind
    if (typeof kind === 'string' && !te(`errors.kinds.${kind}`) && te(`plan.kinds.${kind}`)) p.kind = t(`plan.kinds.${kind}`)
    return p
  }

  function issueMessage(issue: ApiIssue): string {
    const own = `plan.errors.${issue.rule}`
    if (issue.rule && te(own)) return t(own, params(issue))
    return issueText({ ...issue, params: params(issue) }, tt, ee, { [issue.field]: label(issue.field) })
  }

  /** One sentence for an error with no field (load failures, roll forward). */
  function message(err: unknown): string {
    const e: ApiError = toApiError(err)
    const issues = issuesOf(e)
    if (issues[0]) return issueMessage(issues[0])
    if (e.rule && te(`plan.errors.${e.rule}`)) return issueMessage({ field: e.field ?? '', rule: e.rule, params: e.params, message: e.message })
    return errorText(e, tt, ee)
  }

  /** Spreads a failed save (or the draft's own problems) over the page. */
  function spread(err: unknown, resourceIndex: readonly number[] = []): SpreadErrors {
    const e = toApiError(err)
    const out: SpreadErrors = { fields: {}, top: '', conflict: e.code === 'conflict', readOnly: false }
    const issues = issuesOf(e)
    if (issues.length === 0) {
      out.readOnly = e.rule === 'read_only'
      out.top = message(e)
      return out
    }
    const tops: string[] = []
    for (const issue of issues) {
      if (issue.rule === 'read_only') out.readOnly = true
      const where = displayField(issue.field, resourceIndex)
      const text = issueMessage(issue)
      if (where === null) tops.push(text)
      else out.fields[where] = out.fields[where] ? `${out.fields[where]} ${text}` : text
    }
    out.top = tops.join(' ')
    if (!out.top && Object.keys(out.fields).length > 0) out.top = t('errors.fixFields')
    return out
  }

  return { label, issueMessage, message, spread }
}
