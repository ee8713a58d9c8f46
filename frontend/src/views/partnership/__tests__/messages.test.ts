import { describe, expect, it } from 'vitest'
import { keysIn, missingMessages } from '@/test/messages'
import {
  BONUSES, COMPONENTS, DRIVERS, FACILITATORS, GRADES, INFORMATION_LEVELS, LEVELS, ORGANIZATIONAL, OUTCOMES, PHASES,
  PLANNING_LEVELS, PORTFOLIO, PRECONDITIONS, PRICING_BASES, STAGES, SUPPLIER_STATUSES, TYPES,
} from '@/api/partnership'

// Every message key the relationship views name must exist in both languages;
// a typo would otherwise show the raw key path to the user.
const sources = import.meta.glob<string>('../*.{vue,ts}', { query: '?raw', import: 'default', eager: true })
const literalKeys = keysIn(sources, /'((?:partnership|common|errors|workspace)\.[\w.]+)'/g)

const each = (group: string, keys: readonly string[]) => keys.map((k) => `partnership.${group}.${k}`)
const dynamicKeys = [
  ...each('types', TYPES), ...each('typeHints', TYPES), ...each('drivers', DRIVERS), ...each('facilitators', FACILITATORS),
  ...each('bonuses', BONUSES), ...each('components', COMPONENTS), ...each('outcomes', OUTCOMES), ...each('outcomeHints', OUTCOMES),
  ...each('preconditions', PRECONDITIONS), ...each('portfolio', PORTFOLIO), ...each('levels', LEVELS), ...each('phases', PHASES),
  ...each('phaseActions', PHASES), ...each('stages', STAGES), ...each('organizational', ORGANIZATIONAL), ...each('grades', GRADES),
  ...each('supplierStatus', SUPPLIER_STATUSES), ...each('information', INFORMATION_LEVELS), ...each('planning', PLANNING_LEVELS),
  ...each('pricing', PRICING_BASES), ...each('shapes', ['bow_tie', 'growing', 'diamond']),
  ...each('flags.short', ['no_coach', 'role_missing', 'economic_below', 'opponent_high', 'high_not_met']),
  ...each('form.steps', ['drivers', 'facilitators', 'components', 'outcomes']),
  ...each('reason.lower', ['ours', 'customer', 'both']),
  ...each('assessment.advice', ['strategic_pays', 'non_critical_rarely']),
  ...each('indicators', ['supplierStatus', 'informationShared', 'jointPlanning', 'pricingBasis']),
  ...['text', 'textDriversLow', 'textFacilitatorsLow', 'textBothLow'].map((k) => `partnership.reason.${k}`),
  'errors.not_above', 'errors.in_future', 'errors.stale_settings', 'errors.kinds.partnership', 'errors.kinds.relationship',
]

describe('relationship messages', () => {
  it('finds the keys in the sources', () => {
    expect(literalKeys.size).toBeGreaterThan(100)
  })

  it('has every key the views use, in English and Chinese', () => {
    expect(missingMessages([...literalKeys, ...dynamicKeys])).toEqual([])
  })
})
