import { describe, expect, it } from 'vitest'
import { memoryRouter } from './harness'
import { sourceRoute } from '../sourceLink'
import type { ActionArea } from '@/api/types'

const src = (area: ActionArea, recordId = '', detail = '') => ({ area, recordId, detail })
// Resolved through a router, as a click would: the address the user lands on.
const href = (r: ReturnType<typeof sourceRoute>) => memoryRouter().resolve(r).fullPath

describe('sourceRoute', () => {
  it('opens a plan action in the plan tab of its year', () => {
    expect(href(sourceRoute({ accountId: 'A1', source: src('plan', 'P1', 'g1'), planYear: 2025 })))
      .toBe('/accounts/A1?tab=plan&year=2025')
  })

  it('opens a plan tab on its current year when the plan year is unknown', () => {
    expect(href(sourceRoute({ accountId: 'A1', source: src('plan', 'P1'), planYear: 0 }))).toBe('/accounts/A1?tab=plan')
  })

  it('opens an activity follow-up at its activity', () => {
    expect(href(sourceRoute({ accountId: 'A1', source: src('activity', 'ACT9'), planYear: 0 })))
      .toBe('/accounts/A1?tab=activities&activity=ACT9')
  })

  it('opens manual actions in the account actions tab', () => {
    expect(href(sourceRoute({ accountId: 'A1', source: src('manual'), planYear: 0 }))).toBe('/accounts/A1?tab=actions')
  })

  it('opens a program action on its program page', () => {
    expect(href(sourceRoute({ accountId: 'A1', source: src('program', 'P7', 'milestone'), planYear: 0 }))).toBe('/programs/P7')
  })

  it.each([
    ['partnership', '/accounts/A1?tab=relationship&assessment=R1'],
    ['winloss', '/accounts/A1?tab=opportunities&opportunity=R1'],
    ['switching', '/accounts/A1?tab=retention&plan=R1'],
    ['retention', '/accounts/A1?tab=retention&case=R1'],
  ] as const)('opens a %s action at its record in the area tab', (area, want) => {
    expect(href(sourceRoute({ accountId: 'A1', source: src(area, 'R1'), planYear: 0 }))).toBe(want)
  })

  it('keeps odd characters of an id inside the path segment', () => {
    expect(href(sourceRoute({ accountId: 'a/b', source: src('manual'), planYear: 0 }))).toBe('/accounts/a%2Fb?tab=actions')
  })
})
