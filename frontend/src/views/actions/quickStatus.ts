// Quick status changes from a list (checkbox, menu, x/Space): the row changes
// at once, the server is asked, and a refusal puts the row back as it was.
// The row keeps its place until the list reloads, so a slip is one click (or
// "Undo") away from being put right.
import { h, reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { NButton, useMessage } from 'naive-ui'
import { actions } from '@/api/services'
import type { Action, ActionStatus } from '@/api/types'
import { toApiError } from '@/api/errors'
import { useErrorText } from '@/i18n/errors'
import { today } from '@/format'
import { useActionsStore } from '@/stores/actions'

type Changeable = Pick<Action, 'id' | 'rev' | 'status' | 'completedOn' | 'updatedAt' | 'title'>

export function useQuickStatus(o: {
  /** The row was changed elsewhere: load the list again. */
  onStale: () => void
  /** A change was saved. */
  onChanged?: (a: Action) => void
}) {
  const { t } = useI18n()
  const message = useMessage()
  const { errorText } = useErrorText()
  const store = useActionsStore()
  /** Ids with a change under way: a second click waits for the first. */
  const busy = reactive(new Set<string>())

  async function setStatus(row: Changeable, status: ActionStatus, undoable = true): Promise<boolean> {
    if (busy.has(row.id) || row.status === status) return false
    const before = { status: row.status, rev: row.rev, completedOn: row.completedOn, updatedAt: row.updatedAt }
    row.status = status
    row.completedOn = status === 'done' ? row.completedOn || today() : ''
    busy.add(row.id)
    try {
      const saved = await actions.setStatus(row.id, before.rev, status)
      Object.assign(row, {
        status: saved.status, rev: saved.rev, completedOn: saved.completedOn, updatedAt: saved.updatedAt,
      })
      const text = t(`actions.changed.${status}`, { title: row.title })
      if (undoable) {
        const m = message.success(() => h('span', { class: 'ks-undo-message' }, [
          text,
          h(NButton, {
            text: true, type: 'primary', size: 'small', style: 'margin-left:12px', 'data-testid': 'action-undo',
            onClick: () => { m.destroy(); void setStatus(row, before.status, false) },
          }, { default: () => t('actions.changed.undo') }),
        ]), { duration: 5000 })
      } else {
        message.success(text)
      }
      void store.changed()
      o.onChanged?.(saved)
      return true
    } catch (e) {
      Object.assign(row, before)
      const err = toApiError(e)
      if (err.code === 'conflict') {
        message.warning(t('actions.stale'), { duration: 6000 })
        o.onStale()
      } else {
        message.error(errorText(err), { duration: 8000 })
      }
      return false
    } finally {
      busy.delete(row.id)
    }
  }

  return { busy, setStatus }
}
