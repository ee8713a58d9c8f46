// What My actions and an account's Actions tab share: loading a list where
// only the latest request may land, and the action form opened for a new or
// an existing action.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useMessage } from 'naive-ui'
import type { Action, ApiError } from '@/api/types'
import { toApiError } from '@/api/errors'
import { useActionsStore } from '@/stores/actions'

/** Loads with `fetch`; an answer overtaken by a later load is dropped. */
export function useLatestLoad<T>(fetch: () => Promise<T>, onLoaded: (value: T) => void) {
  const loading = ref(false)
  const loadError = ref<ApiError | null>(null)
  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const v = await fetch()
      if (mine !== seq) return
      onLoaded(v)
      loadError.value = null
    } catch (e) {
      if (mine !== seq) return
      loadError.value = toApiError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { loading, loadError, load }
}

/** The action form's state; `announceSaved` says what was saved and tells the other views. */
export function useActionEditor() {
  const { t } = useI18n()
  const message = useMessage()
  const store = useActionsStore()
  const showForm = ref(false)
  const editing = ref<Action | null>(null)

  function openNew() {
    editing.value = null
    showForm.value = true
  }

  function openEdit(row: Action) {
    editing.value = row
    showForm.value = true
  }

  function announceSaved() {
    message.success(editing.value ? t('actions.saved') : t('actions.created'))
    void store.changed()
  }

  return { showForm, editing, openNew, openEdit, announceSaved }
}
