import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n'
import { keysIn, missingMessages } from '@/test/messages'
import type { LeverActionRow } from '@/api/retention'
import { blankAssessment, blankCase, blankPlan, blankSurvey, byLever, calendarLabels, isOverdue, one, weightTotal } from '../model'

const sources = import.meta.glob<string>(['../*.vue', '../*.ts'], { eager: true, query: '?raw', import: 'default' })

function leverAction(id: string, detail: string, status: LeverActionRow['status'], due: string): LeverActionRow {
  return {
    id, rev: 1, createdAt: '', updatedAt: '', accountId: 'a', title: id, owner: '', due, status, notes: '', completedOn: '',
    source: { area: 'switching', recordId: 'p', detail }, accountName: '', planYear: 0, cost: { amount: 0, currency: '' }, evidence: '',
  }
}

describe('retention model', () => {
  it('groups the board by lever, open before done, by due date', () => {
    const g = byLever([
      leverAction('late', 'service', 'open', '2026-01-01'),
      leverAction('done', 'service', 'done', '2025-01-01'),
      leverAction('soon', 'service', 'in_progress', '2026-02-01'),
      leverAction('first', 'service', 'open', '2025-12-01'),
      leverAction('lost', 'price', 'open', '2026-01-01'),
      leverAction('p', 'product', 'open', ''),
    ])
    expect(g.service.map((a) => a.id)).toEqual(['first', 'late', 'soon', 'done'])
    expect(g.product.map((a) => a.id)).toEqual(['p'])
    expect(g.asset).toEqual([])
    expect(Object.keys(g)).toEqual(['product', 'service', 'process', 'asset', 'emotional'])
  })

  it('marks overdue only open work due before today', () => {
    expect(isOverdue({ due: '2026-11-22', status: 'open' }, '2026-11-23')).toBe(true)
    expect(isOverdue({ due: '2026-11-23', status: 'open' }, '2026-11-23')).toBe(false)
    expect(isOverdue({ due: '2026-11-01', status: 'done' }, '2026-11-23')).toBe(false)
    expect(isOverdue({ due: '', status: 'in_progress' }, '2026-11-23')).toBe(false)
  })

  it('adds weights up', () => {
    expect(weightTotal({ a: 50, b: 25, c: 25 })).toBe(100)
    expect(weightTotal([{ weight: 30 }, { weight: 20 }, { weight: Number.NaN }])).toBe(50)
  })

  it('starts records complete', () => {
    expect(blankAssessment('a', '2026-01-01', 'x').scores.map((s) => s.key)).toHaveLength(8)
    expect(weightTotal(blankSurvey('a', '2026-01-01', null).dimensions)).toBe(100)
    expect(blankPlan('a', '2026-01-01', 't').levers).toHaveLength(5)
    expect(blankCase('a', '2026-01-01', 'A').strategy).toBe('executive')
    expect(blankCase('a', '2026-01-01', 'C').strategy).toBe('service')
    expect(one(46.875)).toBe('46.9')
    expect(one(50)).toBe('50')
    expect(one(-0.45)).toBe('-0.5')
    expect(one(-0.01)).toBe('0')
  })

  it('names every lever and status in the calendar, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const tr = (k: string) => String(k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages[locale]))
      const labels = calendarLabels(tr)
      expect(Object.keys(labels)).toHaveLength(5 + 4 + 6)
      for (const [k, v] of Object.entries(labels)) expect(v, k).not.toMatch(/^retention\./)
    }
    expect(calendarLabels((k) => k)['lever.asset']).toBe('retention.plan.levers.asset')
  })

  it('has every message its views name, in both languages', () => {
    const keys = keysIn(sources, /\bt\(\s*'(retention\.[\w.]+)'/g)
    expect(keys.size).toBeGreaterThan(100)
    expect(missingMessages(keys)).toEqual([])
  })
})
