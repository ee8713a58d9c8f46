// What the action views share: areas and statuses in order, their looks and
// labels, and where an action stands against today.
import { computed, type Component } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  BarChartOutline, CalendarOutline, CreateOutline, GlobeOutline, LinkOutline, LockClosedOutline, MapOutline,
  ShieldCheckmarkOutline,
} from '@vicons/ionicons5'
import type { Action, ActionArea, ActionStatus } from '@/api/types'
import { daysBetween } from '@/format'

export const AREAS: readonly ActionArea[] = [
  'manual', 'plan', 'activity', 'partnership', 'switching', 'program', 'retention', 'winloss',
]

export const STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'done', 'cancelled']

/** Icon and accent per source area; the colours read on light and dark backgrounds alike. */
export const AREA_LOOK: Record<ActionArea, { icon: Component; color: string }> = {
  manual: { icon: CreateOutline, color: '#7c8595' },
  plan: { icon: MapOutline, color: '#2f7de1' },
  activity: { icon: CalendarOutline, color: '#0e9f9a' },
  partnership: { icon: LinkOutline, color: '#7b61d9' },
  switching: { icon: LockClosedOutline, color: '#d48806' },
  program: { icon: GlobeOutline, color: '#1f9bd1' },
  retention: { icon: ShieldCheckmarkOutline, color: '#d03050' },
  winloss: { icon: BarChartOutline, color: '#18a058' },
}

export const STATUS_TAG: Record<ActionStatus, 'default' | 'info' | 'success' | 'warning'> = {
  open: 'default',
  in_progress: 'info',
  done: 'success',
  cancelled: 'default',
}

export function isOpen(status: ActionStatus): boolean {
  return status === 'open' || status === 'in_progress'
}

export type DueState = 'overdue' | 'today' | 'tomorrow' | 'upcoming' | 'none' | 'closed'

/** Where an action's due date stands on day `today`. */
export function dueState(a: Pick<Action, 'status' | 'due'>, today: string): DueState {
  if (!isOpen(a.status)) return 'closed'
  if (!a.due) return 'none'
  const d = daysBetween(today, a.due)
  if (d === null) return 'none'
  if (d < 0) return 'overdue'
  if (d === 0) return 'today'
  if (d === 1) return 'tomorrow'
  return 'upcoming'
}

/** The status changes a row's menu offers, for its current status. */
export function nextStatuses(s: ActionStatus): ActionStatus[] {
  switch (s) {
    case 'open':
      return ['in_progress', 'done', 'cancelled']
    case 'in_progress':
      return ['open', 'done', 'cancelled']
    default:
      return ['open']
  }
}

/** The checkbox, x and Space: done when open, open again when closed. */
export function toggled(s: ActionStatus): ActionStatus {
  return s === 'done' ? 'open' : 'done'
}

/** Translated labels and option lists. */
export function useActionLabels() {
  const { t } = useI18n()
  return {
    areaLabel: (a: string) => (AREAS.includes(a as ActionArea) ? t(`actions.areas.${a}`) : a),
    statusLabel: (s: string) => (STATUSES.includes(s as ActionStatus) ? t(`actions.statuses.${s}`) : s),
    areaOptions: computed(() => AREAS.map((a) => ({ value: a, label: t(`actions.areas.${a}`) }))),
    statusOptions: computed(() => STATUSES.map((s) => ({ value: s, label: t(`actions.statuses.${s}`) }))),
  }
}
