// Translated option lists and per-type looks shared by the workspace tabs.
import { computed, type Component } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  AlertCircleOutline, CallOutline, ConstructOutline, LocationOutline, MegaphoneOutline, PeopleOutline,
} from '@vicons/ionicons5'
import type { Activity } from '@/api/types'
import { ACTIVITY_TYPES, BUYING_ROLES, INFLUENCES, RELATIONSHIP_LEVELS, STANCES } from './model'

/** Icon and accent colour per activity type; the colours read on light and dark backgrounds alike. */
export const ACTIVITY_LOOK: Record<Activity['type'], { icon: Component; color: string }> = {
  visit: { icon: LocationOutline, color: '#2f7de1' },
  call: { icon: CallOutline, color: '#0e9f9a' },
  meeting: { icon: PeopleOutline, color: '#7b61d9' },
  event: { icon: MegaphoneOutline, color: '#d48806' },
  service: { icon: ConstructOutline, color: '#18a058' },
  complaint: { icon: AlertCircleOutline, color: '#d03050' },
}

export const STANCE_TAG: Record<string, 'success' | 'default' | 'error'> = {
  supporter: 'success',
  neutral: 'default',
  opponent: 'error',
}

export const INFLUENCE_TAG: Record<string, 'warning' | 'info' | 'default'> = {
  high: 'warning',
  medium: 'info',
  low: 'default',
}

export function useWorkspaceOptions() {
  const { t } = useI18n()
  return {
    roleOptions: computed(() => BUYING_ROLES.map((v) => ({ value: v, label: t(`workspace.roles.${v}`) }))),
    stanceOptions: computed(() => STANCES.map((v) => ({ value: v, label: t(`workspace.stances.${v}`) }))),
    influenceOptions: computed(() => INFLUENCES.map((v) => ({ value: v, label: t(`workspace.influences.${v}`) }))),
    levelOptions: computed(() =>
      RELATIONSHIP_LEVELS.map((v) => ({ value: v, label: `${v} · ${t(`workspace.levels.${v}`)}` })),
    ),
    typeOptions: computed(() => ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`workspace.types.${v}`) }))),
  }
}
