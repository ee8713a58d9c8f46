// What every section of the plan page shares: the plan shown (the draft
// while editing), the field errors and the account's people and figures.
import { inject, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { Account, ActionRow, Contact, Goal, Plan, PlanView, YearFigures } from '@/api/types'
import type { Draft } from './draft'

export interface PlanContext {
  view: Ref<PlanView | null>
  /** the draft's plan while editing, else the saved one */
  plan: ComputedRef<Plan | null>
  draft: Ref<Draft | null>
  editing: ComputedRef<boolean>
  /** display field ("goals[1].target", "budget") → message */
  errors: Ref<Record<string, string>>
  clearError: (field: string) => void
  account: ComputedRef<Account>
  contacts: ComputedRef<Contact[]>
  figures: ComputedRef<YearFigures[]>
  /** the user may change this plan (not history, account not archived) */
  canEdit: ComputedRef<boolean>
  /** switch the page into edit mode (no-op when it cannot be edited) */
  startEdit: () => void
  /** a new action from a goal, or an existing action of the plan */
  openAction: (from: { goal?: Goal; action?: ActionRow }) => void
  /** done ↔ open */
  toggleAction: (a: ActionRow) => void
}

export const PLAN_CONTEXT: InjectionKey<PlanContext> = Symbol('plan')

export function usePlanContext(): PlanContext {
  const ctx = inject(PLAN_CONTEXT)
  if (!ctx) throw new Error('plan sections must sit inside PlanTab')
  return ctx
}
