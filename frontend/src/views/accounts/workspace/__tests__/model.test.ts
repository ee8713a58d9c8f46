import { describe, expect, it } from 'vitest'
import {
  followUpOf, followUpsByActivity, percentOf, reportsToOptions, roleSummary, shareOfWallet, sortActivities, sowForYear,
  suggestedYear, validBirthday,
} from '../model'
import { activity, contact, figures, followUp } from './harness'

describe('figures', () => {
  it('computes share of wallet as revenue ÷ category spend, unknown when the spend is not recorded', () => {
    expect(shareOfWallet({ revenue: 3_450_000, categorySpend: 10_000_000 })).toBeCloseTo(34.5)
    expect(shareOfWallet({ revenue: 3_450_000, categorySpend: 0 })).toBeNull()
  })

  it('gives no percentage of a zero whole instead of Infinity', () => {
    expect(percentOf(5, 0)).toBeNull()
    expect(percentOf(-20, 200)).toBe(-10)
  })

  it('prefers the share of wallet the server computed, falling back to the figures', () => {
    const rows = [figures({ year: 2024, revenue: 100, categorySpend: 400 }), figures({ year: 2023, revenue: 1, categorySpend: 0 })]
    expect(sowForYear(2024, [{ year: 2024, percent: 26.1, known: true }], rows)).toBe(26.1)
    expect(sowForYear(2024, [{ year: 2024, percent: 0, known: false }], rows)).toBeNull()
    expect(sowForYear(2024, [], rows)).toBe(25)
    expect(sowForYear(2023, [], rows)).toBeNull()
    expect(sowForYear(2019, [], rows)).toBeNull()
  })

  it('suggests this year for a new row, or the first free year after it', () => {
    expect(suggestedYear([], '2025-06-01')).toBe(2025)
    expect(suggestedYear([figures({ year: 2025 }), figures({ year: 2026 })], '2025-06-01')).toBe(2027)
  })
})

describe('decision chain', () => {
  const chain = [
    contact({ id: 'ceo', name: '陈总' }),
    contact({ id: 'cpo', name: '李采购', reportsTo: 'ceo', buyingRole: 'economic' }),
    contact({ id: 'buyer', name: '王工', reportsTo: 'cpo', buyingRole: 'technical' }),
    contact({ id: 'gone', name: '赵离', buyingRole: 'coach', left: true }),
  ]

  it('counts people still at the customer per role and warns about a missing coach', () => {
    const s = roleSummary(chain)
    expect(s.counts.economic).toBe(1)
    expect(s.counts.technical).toBe(1)
    expect(s.counts.coach).toBe(0) // the only coach has left
    expect(s.unassigned).toBe(1)
    expect(s.noCoach).toBe(true)
    expect(s.noEconomicBuyer).toBe(false)
  })

  it('offers everyone but the contact itself as its manager, marking those below it', () => {
    const opts = reportsToOptions('cpo', chain)
    expect(opts.map((o) => o.value).sort()).toEqual(['buyer', 'ceo', 'gone'])
    expect(opts.find((o) => o.value === 'buyer')?.loops).toBe(true)
    expect(opts.find((o) => o.value === 'ceo')?.loops).toBe(false)
    // a new contact (no id yet) can report to anyone
    expect(reportsToOptions('', chain).every((o) => !o.loops)).toBe(true)
    expect(reportsToOptions('', chain)).toHaveLength(4)
  })

  it('accepts a birthday as MM-DD of a real day', () => {
    expect(validBirthday('')).toBe(true)
    expect(validBirthday('02-29')).toBe(true)
    expect(validBirthday('12-31')).toBe(true)
    expect(validBirthday('02-30')).toBe(false)
    expect(validBirthday('13-01')).toBe(false)
    expect(validBirthday('3-5')).toBe(false)
  })
})

describe('activities', () => {
  it('sorts newest first, same day by when it was recorded', () => {
    const list = [
      activity({ id: 'a', date: '2025-01-10' }),
      activity({ id: 'b', date: '2025-03-02', createdAt: '2025-03-02T08:00:00Z' }),
      activity({ id: 'c', date: '2024-12-31' }),
      activity({ id: 'd', date: '2025-03-02', createdAt: '2025-03-02T15:00:00Z' }),
    ]
    expect(sortActivities(list).map((a) => a.id)).toEqual(['d', 'b', 'a', 'c'])
    expect(list.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']) // input untouched
  })

  const today = '2025-03-15'

  it('reads an open follow-up against today: overdue before it, due on it, upcoming after it', () => {
    const a = activity({ id: 'a', date: '2025-03-01', followUp: '2025-03-10' })
    expect(followUpOf(a, followUp('a', { due: '2025-03-10' }), today).state).toBe('overdue')
    expect(followUpOf(a, followUp('a', { due: '2025-03-15', status: 'in_progress' }), today).state).toBe('due')
    expect(followUpOf(a, followUp('a', { due: '2025-04-01' }), today)).toMatchObject({ state: 'upcoming', due: '2025-04-01' })
  })

  it('takes done and cancelled from the action, never from later activities', () => {
    const a = activity({ id: 'a', date: '2025-01-01', followUp: '2025-01-20', contactIds: ['x'] })
    const done = followUpOf(a, followUp('a', { due: '2025-01-20', status: 'done', completedOn: '2025-01-18' }), today)
    expect(done).toMatchObject({ state: 'done', completedOn: '2025-01-18' })
    expect(followUpOf(a, followUp('a', { due: '2025-01-20', status: 'cancelled' }), today).state).toBe('cancelled')
  })

  it('follows the action when its date was moved in My actions', () => {
    const a = activity({ id: 'a', date: '2025-03-01', followUp: '2025-03-10' })
    expect(followUpOf(a, followUp('a', { due: '2025-03-20' }), today)).toMatchObject({ state: 'upcoming', due: '2025-03-20' })
  })

  it('falls back to the activity’s own date while no action exists, with nothing to mark done', () => {
    expect(followUpOf(activity({ id: 'a', date: '2025-03-01', followUp: '2025-03-10' }), undefined, today))
      .toMatchObject({ state: 'overdue', action: null })
    expect(followUpOf(activity({ id: 'n', date: '2025-03-14' }), undefined, today).state).toBe('none')
  })

  it('matches actions to activities by their source, leaving other areas and archived ones out', () => {
    const map = followUpsByActivity([
      followUp('a'),
      followUp('p', { source: { area: 'plan', recordId: 'b', detail: '' } }),
      followUp('c', { deletedAt: '2025-01-01T00:00:00Z' }),
    ])
    expect([...map.keys()]).toEqual(['a'])
  })
})
