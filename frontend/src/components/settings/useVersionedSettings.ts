// The load → edit → save cycle of an area's model settings. Every save names
// the version it was made on, so two people editing at once cannot overwrite
// each other unseen; the server refuses the stale one. Each editor keeps its
// own form and decides how a refusal reads; this owns the rest.
import { computed, onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDialog, useMessage } from 'naive-ui'
import type { ModelSettings } from '@/api/types'
import { useErrorText } from '@/i18n/errors'

/** What a refused save or restore shows; whatever is left out is cleared. */
export interface SettingsFailure {
  /** messages by the server's field path ("highFrom", "rules[2].threshold", …) */
  errors?: Record<string, string>
  /** one message for the whole editor */
  top?: string
  /** the stored version moved on: the editor offers to reload */
  conflict?: boolean
  /** reload at once (editors without a reload button) */
  reload?: boolean
}

export interface VersionedSettingsOptions<T> {
  load: () => Promise<ModelSettings<T>>
  save: (value: T, version: number) => Promise<ModelSettings<T>>
  restore: (version: number) => Promise<ModelSettings<T>>
  /** The stored value as the form edits it; a deep copy unless given. */
  toDraft?: (value: T) => T
  /** The draft as it is sent; "dirty" compares this too, so a change that would not be saved does not count. */
  toSaved?: (draft: T) => T
  messages: {
    saved: (version: number) => string
    /** said when the server kept the version (nothing changed); without it `saved` is said */
    unchanged?: () => string
    restored: (version: number) => string
    restoreTitle: () => string
    restoreBody?: () => string
    restoreButton: () => string
  }
  failure: (e: unknown, during: 'save' | 'restore') => SettingsFailure
  /** The text of a failed load; the error in the user's language unless given. */
  loadErrorText?: (e: unknown) => string
}

/** A deep copy of JSON data; works on Vue's reactive proxies, which structuredClone refuses. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

export function useVersionedSettings<T>(opts: VersionedSettingsOptions<T>) {
  const { t } = useI18n()
  const message = useMessage()
  const dialog = useDialog()
  const { errorText } = useErrorText()
  const toDraft = opts.toDraft ?? copy
  const toSaved = opts.toSaved ?? ((d: T) => d)

  const model = ref<ModelSettings<T> | null>(null) as Ref<ModelSettings<T> | null>
  // ref<T> of a type parameter would unwrap to UnwrapRef<T>; the cast keeps T.
  const draft = ref<T | null>(null) as Ref<T | null>
  const loading = ref(true)
  const loadError = ref('')
  const saving = ref(false)
  const errors = ref<Record<string, string>>({})
  const topError = ref('')
  const conflict = ref(false)

  function fill(m: ModelSettings<T>) {
    model.value = m
    draft.value = toDraft(m.value)
    errors.value = {}
    topError.value = ''
    conflict.value = false
  }

  async function load() {
    loading.value = true
    try {
      fill(await opts.load())
      loadError.value = ''
    } catch (e) {
      loadError.value = opts.loadErrorText ? opts.loadErrorText(e) : errorText(e)
    } finally {
      loading.value = false
    }
  }
  onMounted(load)

  /** Back to the version opened, dropping the edits. */
  function reset() {
    if (model.value) fill(model.value)
  }

  // The stored value seen as the form sees it, once per version rather than per keystroke.
  const stored = computed(() => (model.value ? JSON.stringify(toSaved(toDraft(model.value.value))) : ''))
  const dirty = computed(() => !!draft.value && !!model.value && JSON.stringify(toSaved(draft.value)) !== stored.value)

  function fail(e: unknown, during: 'save' | 'restore') {
    const f = opts.failure(e, during)
    errors.value = f.errors ?? {}
    topError.value = f.top ?? ''
    conflict.value = f.conflict ?? false
    if (f.reload) void load()
  }

  async function save() {
    if (!draft.value || !model.value || saving.value) return
    saving.value = true
    errors.value = {}
    topError.value = ''
    conflict.value = false
    try {
      const base = model.value.version
      const m = await opts.save(toSaved(draft.value), base)
      fill(m)
      const { unchanged, saved } = opts.messages
      message.success(m.version === base && unchanged ? unchanged() : saved(m.version))
    } catch (e) {
      fail(e, 'save')
    } finally {
      saving.value = false
    }
  }

  /** Saves the shipped defaults as a new version, after asking. */
  function restore() {
    if (!model.value) return
    const msg = opts.messages
    dialog.warning({
      title: msg.restoreTitle(),
      content: msg.restoreBody?.(),
      positiveText: msg.restoreButton(),
      negativeText: t('common.cancel'),
      onPositiveClick: async () => {
        try {
          const m = await opts.restore(model.value!.version)
          fill(m)
          message.success(msg.restored(m.version))
        } catch (e) {
          fail(e, 'restore')
        }
      },
    })
  }

  /** Messages of every field at or under a path ("bands[2]" → "bands[2].min", …), joined. */
  function errorsAt(prefix: string): string {
    return Object.entries(errors.value)
      .filter(([f]) => f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}[`))
      .map(([, m]) => m)
      .join(' ')
  }

  return { model, draft, loading, loadError, saving, errors, topError, conflict, dirty, load, reset, save, restore, errorsAt }
}
