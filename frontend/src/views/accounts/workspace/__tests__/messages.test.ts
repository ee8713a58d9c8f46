import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n'
import { keysIn, missingMessages } from '@/test/messages'
import { ACTIVITY_TYPES, BUYING_ROLES, INFLUENCES, RELATIONSHIP_LEVELS, STANCES } from '../model'

// Every key the workspace asks for must exist in both languages; a typo would
// otherwise show the raw key path to the user.
const sources = import.meta.glob<string>('../*.{vue,ts}', { query: '?raw', import: 'default', eager: true })

const literalKeys = keysIn(sources, /\bt\(\s*'((?:workspace|common|errors)\.[\w.]+)'/g)

const dynamicKeys = [
  ...BUYING_ROLES.map((v) => `workspace.roles.${v}`),
  ...STANCES.map((v) => `workspace.stances.${v}`),
  ...INFLUENCES.map((v) => `workspace.influences.${v}`),
  ...RELATIONSHIP_LEVELS.map((v) => `workspace.levels.${v}`),
  ...ACTIVITY_TYPES.map((v) => `workspace.types.${v}`),
  ...['name', 'title', 'department', 'reportsTo', 'buyingRole', 'stance', 'influence', 'relationshipLevel',
    'lastContact', 'email', 'phone', 'interests', 'birthday', 'left', 'notes'].map((f) => `workspace.contact.${f}`),
  ...['type', 'date', 'subject', 'contactIds', 'notes', 'followUp', 'useful'].map((f) => `workspace.activity.${f}`),
  ...['year', 'currency', 'revenue', 'revenueTarget', 'margin', 'marginTarget', 'categorySpend', 'crossSellSales']
    .map((f) => `workspace.figures.${f}`),
  ...['revenue', 'revenueTarget', 'margin', 'marginTarget', 'categorySpend', 'crossSellSales']
    .map((f) => `workspace.figures.placeholder.${f}`),
  ...['empty', 'invalid', 'too_precise', 'too_large'].map((r) => `workspace.figures.parse.${r}`),
]

describe('workspace messages', () => {
  it('finds the keys in the sources', () => {
    expect(literalKeys.size).toBeGreaterThan(100)
  })

  it('has every key the workspace uses, in English and Chinese', () => {
    expect(missingMessages([...literalKeys, ...dynamicKeys])).toEqual([])
  })

  it('uses the decision-chain terms our users know', () => {
    const zh = (k: string) => {
      let node: unknown = messages['zh-CN']
      for (const p of k.split('.')) node = (node as Record<string, unknown>)[p]
      return node
    }
    expect(zh('workspace.tabs.contacts')).toBe('决策链')
    expect(zh('workspace.tabs.activities')).toBe('拜访记录')
    expect(zh('workspace.kpi.sow')).toBe('钱包份额')
    expect(BUYING_ROLES.map((r) => zh(`workspace.roles.${r}`))).toEqual(['经济决策者', '技术把关者', '使用者', '财务决策者', '教练', '影响者'])
    expect(STANCES.map((s) => zh(`workspace.stances.${s}`))).toEqual(['支持者', '中立', '反对者'])
    expect(RELATIONSHIP_LEVELS.map((l) => zh(`workspace.levels.${l}`))).toEqual(['接触', '接受', '有好感', '支持不排他', '支持并排他'])
  })
})
