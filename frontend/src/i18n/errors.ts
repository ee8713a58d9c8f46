// Turns an ApiError into sentences in the user's language, and spreads its
// issues over form fields so each message can sit next to its field.
import { useI18n } from 'vue-i18n'
import type { ApiError, ApiIssue } from '@/api/types'
import { issuesOf, toApiError } from '@/api/errors'

type Translate = (key: string, params?: Record<string, unknown>) => string
type Exists = (key: string) => boolean

/** Field name (as the server names it) → label shown in the form. */
export type FieldLabels = Record<string, string>

/** "tags[2]" → "tags", "figures[0].revenue" → "figures": the form field an issue belongs to. */
export function baseField(field: string): string {
  const m = /^[^.[\]]+/.exec(field)
  return m ? m[0] : field
}

function paramsFor(
  rule: string, params: Record<string, unknown> | undefined, field: string, message: string,
  t: Translate, te: Exists, labels: FieldLabels,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(params ?? {}), message }
  out.field = labels[field] ?? labels[baseField(field)] ?? t('errors.thisField')
  const kind = typeof params?.kind === 'string' ? params.kind : 'record'
  out.kind = te(`errors.kinds.${kind}`) ? t(`errors.kinds.${kind}`) : kind
  if (rule === 'stale_rev' && !params?.kind) out.kind = t('errors.kinds.record')
  return out
}

export function issueText(issue: ApiIssue, t: Translate, te: Exists, labels: FieldLabels = {}): string {
  const key = `errors.${issue.rule}`
  if (!issue.rule || !te(key)) return issue.message
  return t(key, paramsFor(issue.rule, issue.params, issue.field, issue.message, t, te, labels))
}

/** One sentence for the whole error (the first issue when there are several). */
export function errorText(err: unknown, t: Translate, te: Exists, labels: FieldLabels = {}): string {
  const e: ApiError = toApiError(err)
  const issues = issuesOf(e)
  const first = issues[0]
  if (first) {
    const text = issueText(first, t, te, labels)
    return issues.length > 1 ? `${text} ${t('errors.fixFields')}` : text
  }
  const rule = e.rule ?? 'internal'
  return issueText({ field: e.field ?? '', rule, params: e.params, message: e.message }, t, te, labels)
}

/**
 * Messages per form field (keyed by base field name). Issues on fields the
 * form does not show are returned under "" so the form can show them on top.
 */
export function fieldErrors(
  err: unknown, t: Translate, te: Exists, labels: FieldLabels, shown: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {}
  const e = toApiError(err)
  const issues = issuesOf(e)
  if (issues.length === 0) {
    out[''] = errorText(e, t, te, labels)
    return out
  }
  for (const issue of issues) {
    const base = baseField(issue.field)
    const key = shown.includes(base) ? base : ''
    const text = issueText(issue, t, te, labels)
    out[key] = out[key] ? `${out[key]} ${text}` : text
  }
  return out
}

/** The helpers above bound to the component's i18n. */
export function useErrorText() {
  const { t, te } = useI18n()
  const tt: Translate = (k, p) => (p ? t(k, p) : t(k))
  const ee: Exists = (k) => te(k)
  return {
    errorText: (err: unknown, labels: FieldLabels = {}) => errorText(err, tt, ee, labels),
    fieldErrors: (err: unknown, labels: FieldLabels, shown: readonly string[]) =>
      fieldErrors(err, tt, ee, labels, shown),
  }
}
