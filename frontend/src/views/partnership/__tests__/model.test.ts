import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import type { Explanation, MapNode, PartnershipSettings } from '@/api/partnership'
import { blankAssessment, editable, preview, reasonText, unscored } from '../model'
import { wrapText } from '../mapExport'
import { layoutChart } from '../mapLayout'

const defaults: PartnershipSettings = {
  scaleMax: 5, bonusPoints: 1, armsLengthBelow: 8, middleFrom: 12, highFrom: 16,
  matrix: [['type_1', 'type_1', 'type_2'], ['type_1', 'type_2', 'type_3'], ['type_2', 'type_3', 'type_3']],
  componentLevels: { arms_length: 'low', type_1: 'low', type_2: 'medium', type_3: 'high' },
  farAbove: 2, labels: {},
}

/** An assessment with the given driver sums (spread over the four drivers) and facilitator sum. */
function scored(ours: number, customer: number, fac: number) {
  const a = blankAssessment('acc1', '2026-11-20')
  const spread = (sum: number) => {
    const out = [0, 0, 0, 0]
    for (let i = 0; i < 4; i++) out[i] = Math.min(5, sum - (3 - i) - out.slice(0, i).reduce((x, y) => x + y, 0))
    return out
  }
  const keys = ['asset_cost', 'customer_service', 'marketing', 'profit']
  spread(ours).forEach((v, i) => { a.drivers.ours[keys[i]!]!.score = v })
  spread(customer).forEach((v, i) => { a.drivers.customer[keys[i]!]!.score = v })
  spread(fac).forEach((v, i) => { a.facilitators[['compatibility', 'management', 'mutuality', 'symmetry'][i]!]!.score = v })
  return a
}

describe('partnership model helpers', () => {
  it('starts a blank assessment with every item unscored, or copies the scores (not the notes) of an earlier one', () => {
    const blank = blankAssessment('acc1', '2026-11-20')
    expect(unscored(blank)).toBe(12)
    expect(Object.keys(blank.components)).toHaveLength(8)
    expect(blank.components.scope).toEqual({ level: '', note: '' })
    const prev = scored(16, 13, 15)
    prev.drivers.ours.profit!.note = '锁价三年'
    prev.components.scope = { level: 'high', note: '两条产品线' }
    prev.bonuses.proximity = { present: true, note: '' }
    const copy = blankAssessment('acc1', '2026-11-21', prev)
    expect(unscored(copy)).toBe(0)
    expect(copy.drivers.ours.profit).toEqual({ score: prev.drivers.ours.profit!.score, note: '' })
    expect(copy.drivers.ours.asset_cost!.score).toBe(5)
    expect(copy.components.scope).toEqual({ level: 'high', note: '' })
    expect(copy.bonuses.proximity!.present).toBe(true)
    expect(copy.id).toBe('')
    expect(copy.assessedOn).toBe('2026-11-21')
  })

  it('completes an assessment from the server for editing', () => {
    const a = scored(16, 13, 15)
    const sparse = { ...a, components: { scope: { level: 'low' as const, note: 'x' } }, bonuses: {} }
    const e = editable(sparse)
    expect(Object.keys(e.components)).toHaveLength(8)
    expect(e.components.scope).toEqual({ level: 'low', note: 'x' })
    expect(Object.keys(e.bonuses)).toHaveLength(5)
  })

  it('previews the type at the matrix boundaries like the server', () => {
    const cases: [number, number, number, string][] = [
      [16, 7, 15, 'arms_length'], [16, 8, 15, 'type_1'], [16, 11, 12, 'type_1'], [16, 12, 12, 'type_2'],
      [16, 15, 15, 'type_2'], [16, 16, 15, 'type_3'], [16, 16, 11, 'type_2'], [16, 16, 7, 'arms_length'], [13, 18, 16, 'type_3'],
    ]
    for (const [ours, customer, fac, type] of cases) {
      const p = preview(scored(ours, customer, fac), defaults)
      expect([p.d, p.f, p.type], `${ours}/${customer}/${fac}`).toEqual([Math.min(ours, customer), fac, type])
    }
    const withBonus = scored(12, 12, 10)
    withBonus.bonuses.exclusivity!.present = true
    withBonus.bonuses.proximity!.present = true
    expect(preview(withBonus, defaults)).toMatchObject({ f: 12, type: 'type_2' })
  })

  it('words the reason in both languages', () => {
    const r: Explanation = { code: 'matrix', type: 'type_2', d: 13, f: 15, lower: 'customer', dBand: 1, fBand: 1, cut: 8, text: '' }
    const global = i18n.global as unknown as { t: (k: string, p?: Record<string, unknown>) => string }
    const t = (k: string, p?: Record<string, unknown>) => global.t(k, p)
    i18n.global.locale.value = 'en'
    expect(reasonText(t, r, 'Type II')).toBe('drivers 13 — the customer’s side is the lower; facilitators 15 → Type II')
    expect(reasonText(t, { ...r, code: 'drivers_low', d: 7, lower: 'ours' }, 'Arm’s length'))
      .toBe('drivers 7 — our side is the lower, below 8; facilitators 15 → Arm’s length')
    i18n.global.locale.value = 'zh-CN'
    expect(reasonText(t, r, 'II 型伙伴关系')).toBe('驱动因素 13——客户方较低；促进因素 15 → II 型伙伴关系')
    expect(reasonText(t, { ...r, code: 'facilitators_low', f: 6, lower: 'both' }, '一般交易关系'))
      .toBe('驱动因素 13——双方相同；促进因素 6，低于 8 → 一般交易关系')
    i18n.global.locale.value = 'en'
  })

})

describe('map image line breaking', () => {
  // every character one unit wide, a Chinese one two: close enough to a real font
  const measure = (s: string) => [...s].reduce((w, c) => w + (/\p{Script=Han}|[，。、；：“”（）]/u.test(c) ? 2 : 1), 0)

  it('breaks English at spaces and keeps each line within the width', () => {
    const lines = wrapText('Olivia Taylor, the economic buyer, is at “Acceptance”, below “favourable”.', 24, measure)
    expect(lines).toEqual(['Olivia Taylor, the', 'economic buyer, is at', '“Acceptance”, below', '“favourable”.'])
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(24)
  })

  it('breaks Chinese between characters, never starting a line with closing punctuation', () => {
    const lines = wrapText('陈总（经济决策者）目前处于“接受”，低于“有好感”。', 12, measure)
    expect(lines.join('')).toBe('陈总（经济决策者）目前处于“接受”，低于“有好感”。')
    for (const l of lines) {
      expect('，。）”').not.toContain(l[0])
      expect('（“').not.toContain(l[l.length - 1])
    }
  })

  it('cuts a word longer than the line rather than overflow', () => {
    expect(wrapText('Procurementdepartmentmanager', 10, measure)).toEqual(['Procuremen', 'tdepartmen', 'tmanager'])
  })
})

describe('map layout', () => {
  const node = (id: string, reportsTo = '', influence = ''): MapNode => ({
    id, name: id, title: '', department: '', reportsTo, buyingRole: '', stance: '', influence, level: 0, lastMet: '', flags: [],
  })

  it('puts each person under their boss and the boss over the middle of their reports', () => {
    const { placed, width, depth } = layoutChart([
      node('ceo'), node('cto', 'ceo', 'high'), node('buyer', 'ceo', 'low'), node('eng', 'cto'), node('qa', 'cto'), node('loner'),
    ])
    expect(depth).toBe(3)
    expect(width).toBe(4) // eng, qa, buyer, loner
    expect(placed.get('eng')).toMatchObject({ x: 0, y: 2 })
    expect(placed.get('qa')).toMatchObject({ x: 1, y: 2 })
    expect(placed.get('cto')).toMatchObject({ x: 0.5, y: 1 })
    expect(placed.get('buyer')).toMatchObject({ x: 2, y: 1 })
    expect(placed.get('ceo')).toMatchObject({ x: 1.25, y: 0 })
    expect(placed.get('loner')).toMatchObject({ x: 3, y: 0 })
  })

  it('survives a loop and a boss who is not on the map', () => {
    const { placed } = layoutChart([node('a', 'b'), node('b', 'a'), node('c', 'gone')])
    expect(placed.size).toBe(3)
    expect(placed.get('c')!.y).toBe(0)
  })
})
