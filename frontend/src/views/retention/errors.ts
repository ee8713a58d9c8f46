// Server issues by exact field ("scores[2].score", "levers.asset", "weights"),
// each said in the UI language with the label of its row, so a form can show
// the message beside the very row it concerns.
import { useI18n } from 'vue-i18n'
import { issuesOf, toApiError } from '@/api/errors'
import { errorText, issueText } from '@/i18n/errors'

export function useFieldIssues() {
  const { t, te } = useI18n()
  const tt = (k: string, p?: Record<string, unknown>) => (p ? t(k, p) : t(k))
  const ee = (k: string) => te(k)
  return {
    /** field → message; label(field) names the field for the message. Issues without a field go under "". */
    issues(err: unknown, label: (field: string) => string | undefined): Record<string, string> {
      const e = toApiError(err)
      const list = issuesOf(e)
      const out: Record<string, string> = {}
      if (list.length === 0) {
        out[''] = errorText(e, tt, ee)
        return out
      }
      for (const is of list) {
        const name = label(is.field)
        const text = issueText(is, tt, ee, name ? { [is.field]: name } : {})
        const key = is.field || ''
        out[key] = out[key] ? `${out[key]} ${text}` : text
      }
      return out
    },
    conflict: (err: unknown) => toApiError(err).code === 'conflict',
  }
}

/** The message for a row: any issue whose field starts with prefix ("scores[2]", "levers.asset"). */
export function rowIssue(issues: Record<string, string>, ...prefixes: string[]): string {
  return Object.entries(issues)
    .filter(([f]) => prefixes.some((p) => f === p || f.startsWith(`${p}.`) || f.startsWith(`${p}[`)))
    .map(([, m]) => m)
    .join(' ')
}
