// The state every workspace form shares: errors per field (the server's own
// next to their fields), the "changed elsewhere" flag, saving, and what opening,
// closing and reloading do. Each form keeps only its fields and its checks.
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { toApiError } from '@/api/errors'
import { useErrorText } from '@/i18n/errors'

/** The core's limit for notes and other long text on a record. */
export const LONG_TEXT_MAX = 4000

/** A growing multi-line input for long text, within the core's limit. */
export function longText(minRows: number, maxRows: number) {
  return { type: 'textarea' as const, autosize: { minRows, maxRows }, maxlength: LONG_TEXT_MAX }
}

export interface RecordFormOptions {
  /** the record's fields the form shows; a server issue on any other lands on top */
  fields: readonly string[]
  /** the message key of a field's label */
  labelKey: (field: string) => string
  show: () => boolean
  /** fills the form from its record; runs each time the form opens */
  fill: () => void
  setShow: (show: boolean) => void
  /** the record changed elsewhere: the owner should load it again */
  reload: () => void
  /** the form's own checks before anything is sent: field → message */
  check: () => Record<string, string>
  /** sends the record; the form closes when it resolves */
  persist: () => Promise<void>
}

export function useRecordForm(o: RecordFormOptions) {
  const { t } = useI18n()
  const { fieldErrors } = useErrorText()
  const errors = ref<Record<string, string>>({})
  const conflict = ref(false)
  const saving = ref(false)

  const labels = computed<Record<string, string>>(() =>
    Object.fromEntries(o.fields.map((f) => [f, t(o.labelKey(f))])),
  )

  watch(
    o.show,
    (open) => {
      if (!open) return
      o.fill()
      errors.value = {}
      conflict.value = false
    },
    { immediate: true },
  )

  function close() {
    o.setShow(false)
  }

  function reload() {
    o.reload()
    close()
  }

  /** A form item's label, error state and message, to bind onto NFormItemGi. */
  function field(name: string) {
    return {
      label: labels.value[name],
      validationStatus: errors.value[name] ? ('error' as const) : undefined,
      feedback: errors.value[name],
    }
  }

  /** FormDrawer's state and listeners, to bind onto it. */
  const frame = computed(() => ({
    show: o.show(),
    saving: saving.value,
    conflict: conflict.value,
    error: errors.value[''],
    'onUpdate:show': o.setShow,
    onReload: reload,
    onSubmit: save,
  }))

  /**
   * Runs the form's own checks, then saves and closes. A refusal from the
   * server is spread over the fields; a second submit while one is under way
   * is ignored.
   */
  async function save(): Promise<void> {
    if (saving.value) return
    conflict.value = false
    errors.value = o.check()
    if (Object.keys(errors.value).length) return
    saving.value = true
    try {
      await o.persist()
      close()
    } catch (err) {
      const e = toApiError(err)
      conflict.value = e.code === 'conflict'
      errors.value = fieldErrors(e, labels.value, o.fields)
    } finally {
      saving.value = false
    }
  }

  return { errors, labels, frame, field, save }
}
