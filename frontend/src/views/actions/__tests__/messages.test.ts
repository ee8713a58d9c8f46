import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n'
import { keysIn, missingMessages } from '@/test/messages'
import { AREAS, STATUSES } from '../model'

// Every message key the action views name must exist in both languages; a
// typo would otherwise show the raw key path to the user.
const sources = import.meta.glob<string>('../*.{vue,ts}', { query: '?raw', import: 'default', eager: true })

const literalKeys = keysIn(sources, /'((?:actions|common|errors|shell)\.[\w.]+)'/g)

const dynamicKeys = [
  ...AREAS.map((a) => `actions.areas.${a}`),
  ...STATUSES.map((s) => `actions.statuses.${s}`),
  ...STATUSES.map((s) => `actions.changed.${s}`),
  ...['accountId', 'title', 'owner', 'due', 'status', 'notes'].map((f) => `actions.form.${f}`),
  'errors.archived', 'errors.archived_year', 'errors.kinds.action', 'shell.nav.actions', 'shell.nav.actionsBadge',
]

describe('action messages', () => {
  it('finds the keys in the sources', () => {
    expect(literalKeys.size).toBeGreaterThan(40)
  })

  it('has every key the action views use, in English and Chinese', () => {
    expect(missingMessages([...literalKeys, ...dynamicKeys])).toEqual([])
  })

  it('names the areas as our users know them', () => {
    const zh = AREAS.map((a) => (messages['zh-CN'] as { actions: { areas: Record<string, string> } }).actions.areas[a])
    expect(zh).toEqual(['手动', '客户计划', '拜访跟进', '合作伙伴评估', '转换成本', '全球项目', '客户挽留', '赢单/丢单'])
  })
})
