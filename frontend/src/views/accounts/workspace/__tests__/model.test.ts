import { describe, expect, it } from 'vitest'
import {
  followUpState, percentOf, reportsToOptions, roleSummary, shareOfWallet, sortActivities, sowForYear,
  suggestedYear, validBirthday,
} from '../model'
import { activity, contact, figures } from './harness'

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

  it('marks follow-ups overdue, due today, upcoming, or done once the people were met again', () => {
    const today = '2025-03-15'
    const overdue = activity({ id: 'o', date: '2025-03-01', followUp: '2025-03-10', contactIds: ['x'] })
    const due = activity({ id: 'd', date: '2025-03-05', followUp: '2025-03-15', contactIds: ['y'] })
    const upcoming = activity({ id: 'u', date: '2025-03-12', followUp: '2025-04-01', contactIds: ['z'] })
    const answered = activity({ id: 'a', date: '2025-02-01', followUp: '2025-02-10', contactIds: ['w', 'z'] })
    const none = activity({ id: 'n', date: '2025-03-14' })
    const all = [overdue, due, upcoming, answered, none]
    expect(followUpState(overdue, all, today)).toBe('overdue')
    expect(followUpState(due, all, today)).toBe('due')
    expect(followUpState(upcoming, all, today)).toBe('upcoming')
    expect(followUpState(answered, all, today)).toBe('done') // z was met again on 03-12
    expect(followUpState(none, all, today)).toBe('none')
  })

  it('does not count a later activity with other people as the follow-up', () => {
    const a = activity({ id: 'a', date: '2025-01-01', followUp: '2025-01-20', contactIds: ['x'] })
    const other = activity({ id: 'b', date: '2025-02-01', contactIds: ['y'] })
    expect(followUpState(a, [a, other], '2025-03-01')).toBe('overdue')
  })
})
