// How a refused partnership or relationship settings save reads: each issue
// in words beside its field, a stale version as a warning that offers a reload.
import { useI18n } from 'vue-i18n'
import { toApiError } from '@/api/errors'
import { useErrorText } from '@/i18n/errors'
import type { SettingsFailure } from '@/components/settings/useVersionedSettings'

export function useSettingsFailure(fieldLabels: () => Record<string, string>) {
  const { t } = useI18n()
  const { errorText } = useErrorText()
  return (e: unknown): SettingsFailure => {
    const err = toApiError(e)
    if (err.code === 'conflict') return { conflict: true, top: t('partnership.settings.conflict') }
    const labels = fieldLabels()
    const errors: Record<string, string> = {}
    for (const is of err.issues ?? []) {
      const params = { ...(is.params ?? {}) }
      // "other" names a field too: say it in words
      if (typeof params.other === 'string') params.other = labels[params.other] ?? params.other
      errors[is.field] ??= errorText({ ...is, params, code: 'invalid' }, labels)
    }
    return { errors, top: Object.keys(errors).length ? '' : errorText(err, labels) }
  }
}
