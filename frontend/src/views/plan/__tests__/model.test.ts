import { describe, expect, it } from 'vitest'
import {
  completeness, emptyPlan, goalPace, listDiff, matchGoals, parseCount, parsePercentBp, parseTarget, targetText,
  yearFromQuery,
} from '../model'
import { buildPlan, toDraft } from '../draft'
import { displayField } from '../errors'
import { goal, plan } from './harness'

describe('goal targets', () => {
  it('reads share of wallet in percent as basis points, exactly', () => {
    expect(parsePercentBp('35.5')).toEqual({ ok: true, value: 3550 })
    expect(parsePercentBp(' 35.5 % ')).toEqual({ ok: true, value: 3550 })
    expect(parsePercentBp('０.０７')).toEqual({ ok: true, value: 7 })
    expect(parsePercentBp('100')).toEqual({ ok: true, value: 10000 })
    expect(parsePercentBp('100.01')).toEqual({ ok: false, reason: 'over_100' })
    expect(parsePercentBp('12.345')).toEqual({ ok: false, reason: 'too_precise' })
    expect(parsePercentBp('abc')).toEqual({ ok: false, reason: 'invalid' })
  })

  it('reads custom targets as whole counts', () => {
    expect(parseCount('1,200')).toEqual({ ok: true, value: 1200 })
    expect(parseCount('2.0')).toEqual({ ok: true, value: 2 })
    expect(parseCount('1.5')).toEqual({ ok: false, reason: 'whole' })
    expect(parseCount('-3')).toEqual({ ok: false, reason: 'invalid' })
  })

  it('reads money in major units of the plan currency and writes it back the same way', () => {
    expect(parseTarget('revenue', '150万', 'CNY')).toEqual({ ok: true, value: 150_000_000 })
    expect(parseTarget('margin', '1,000', 'JPY')).toEqual({ ok: true, value: 1000 })
    expect(targetText('revenue', 150_000_000, 'CNY')).toBe('1,500,000')
    expect(targetText('revenue', 150_000_050, 'CNY')).toBe('1,500,000.50')
    expect(targetText('share_of_wallet', 3550, 'CNY')).toBe('35.5')
    expect(targetText('share_of_wallet', 4000, 'CNY')).toBe('40')
    expect(targetText('custom', 0, 'CNY')).toBe('')
  })
})

describe('the draft', () => {
  it('sends only filled resource rows and remembers where each came from', () => {
    const d = toDraft(plan({
      resources: [
        { party: 'ours', description: '驻厂工程师', owner: '' },
        { party: 'ours', description: ' ', owner: '' },
        { party: 'customer', description: '', owner: '李明' },
      ],
    }))
    const built = buildPlan(d)
    expect(built.plan.resources).toEqual([
      { party: 'ours', description: '驻厂工程师', owner: '' },
      { party: 'customer', description: '', owner: '李明' },
    ])
    expect(built.resourceIndex).toEqual([0, 2])
    expect(built.issues.map((i) => [i.field, i.rule])).toEqual([['resources[2].description', 'required']])
    // a server message about the second sent row lands on the third row on screen
    expect(displayField('resources[1].description', built.resourceIndex)).toBe('resources[2].description')
    expect(displayField('positioning.targetContactIds[3]')).toBe('positioning.targetContactIds')
    expect(displayField('accountId')).toBeNull()
  })

  it('keeps a goal’s typed target when nothing changed', () => {
    const p = plan({ goals: [goal({ id: 'g', metric: 'share_of_wallet', target: 3550 })] })
    expect(buildPlan(toDraft(p)).plan.goals[0]!.target).toBe(3550)
  })
})

describe('completeness while editing', () => {
  it('follows the plan core’s rules', () => {
    const p = emptyPlan('acc1', 2024, 'CNY')
    expect(completeness(p, 0)).toMatchObject({ percent: 0, filled: [] })
    p.resources = [{ party: 'ours', description: '  ', owner: '' }]
    p.positioning.valueProposition = '更快'
    p.forecast = 1
    const c = completeness(p, 2)
    expect(c.filled).toEqual(['positioning', 'actionPlan', 'budget'])
    expect(c.percent).toBe(30)
  })
})

describe('pace', () => {
  it('judges this year against the share of the year gone', () => {
    expect(goalPace(45, 2025, '2025-06-30')).toBe('on_track')
    expect(goalPace(30, 2025, '2025-06-30')).toBe('off')
    expect(goalPace(40, 2025, '2025-06-30')).toBe('behind')
    expect(goalPace(85, 2024, '2025-06-30')).toBe('behind')
    expect(goalPace(100, 2024, '2025-06-30')).toBe('done')
    expect(goalPace(0, 2026, '2025-06-30')).toBe('future')
  })
})

describe('comparison', () => {
  it('pairs goals by title, then by metric, and marks the rest', () => {
    const prev = [
      goal({ id: 'p1', title: '2024 销售收入', metric: 'revenue', target: 100 }),
      goal({ id: 'p2', title: '新客户', metric: 'custom', target: 3, unit: '家' }),
      goal({ id: 'p3', title: '钱包份额', metric: 'share_of_wallet', target: 3000 }),
    ]
    const cur = [
      goal({ id: 'c1', title: '钱包份额', metric: 'share_of_wallet', target: 3000 }),
      goal({ id: 'c2', title: '2025 销售收入', metric: 'revenue', target: 120 }),
      goal({ id: 'c3', title: '新工厂', metric: 'custom', target: 1, unit: '家' }),
    ]
    expect(matchGoals(prev, cur).map((x) => [x.prev?.id ?? null, x.cur?.id ?? null, x.change])).toEqual([
      ['p3', 'c1', 'same'],
      ['p1', 'c2', 'changed'],
      [null, 'c3', 'added'],
      ['p2', null, 'removed'],
    ])
  })

  it('pairs a goal whose title only changed its number', () => {
    const pairs = matchGoals(
      [goal({ id: 'p', title: '新增4家工厂导入', metric: 'custom', target: 4, unit: '家' })],
      [goal({ id: 'c', title: '新增5家工厂导入', metric: 'custom', target: 5, unit: '家' })],
    )
    expect(pairs.map((x) => [x.prev?.id, x.cur?.id, x.change])).toEqual([['p', 'c', 'changed']])
  })

  it('marks list entries added and dropped, ignoring case and spacing', () => {
    expect(listDiff(['BASF', '陶氏'], ['basf ', '科思创'])).toEqual([
      { value: 'basf ', change: 'same' },
      { value: '科思创', change: 'added' },
      { value: '陶氏', change: 'removed' },
    ])
  })
})

describe('the year in the address', () => {
  it('takes plausible years only', () => {
    expect(yearFromQuery('2025')).toBe(2025)
    expect(yearFromQuery(['2024'])).toBe(2024)
    expect(yearFromQuery('25')).toBe(0)
    expect(yearFromQuery('3000')).toBe(0)
    expect(yearFromQuery(undefined)).toBe(0)
  })
})
