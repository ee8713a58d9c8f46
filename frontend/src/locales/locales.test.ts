import { describe, expect, it } from 'vitest'
import { messages } from '@/i18n'

const enModules = import.meta.glob<{ default: Record<string, unknown> }>('./en/*.ts', { eager: true })
const zhModules = import.meta.glob<{ default: Record<string, unknown> }>('./zh-CN/*.ts', { eager: true })

/** Every leaf key path ("accounts.fields.name") with its message. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${k}` : k
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [p, m] of leaves(v, path)) out.set(p, m)
      } else {
        out.set(path, v)
      }
    }
  }
  return out
}

const names = (mods: Record<string, unknown>) => Object.keys(mods).map((p) => p.split('/').pop()).sort()

/** Named placeholders of a message, e.g. {name}, {n}. */
function placeholders(m: unknown): string[] {
  return typeof m === 'string' ? [...new Set([...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? ''))].sort() : []
}

describe('locales', () => {
  it('has the same modules in both languages', () => {
    expect(names(zhModules)).toEqual(names(enModules))
    expect(names(enModules)).toContain('workspace.ts')
  })

  it('nests each module under one area key named like its file (errors-winloss.ts adds to errors)', () => {
    for (const [path, mod] of Object.entries({ ...enModules, ...zhModules })) {
      const area = path.split('/').pop()!.replace(/\.ts$/, '').replace(/-.*$/, '')
      expect(Object.keys(mod.default), path).toEqual([area])
    }
  })

  it('has identical key sets in en and zh-CN, across all modules', () => {
    const en = leaves(messages.en)
    const zh = leaves(messages['zh-CN'])
    const missingInZh = [...en.keys()].filter((k) => !zh.has(k))
    const missingInEn = [...zh.keys()].filter((k) => !en.has(k))
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] })
    expect(en.size).toBeGreaterThan(100)
  })

  it('uses the same placeholders in both languages', () => {
    const en = leaves(messages.en)
    const zh = leaves(messages['zh-CN'])
    const differ = [...en.keys()].filter((k) => zh.has(k) &&
      placeholders(en.get(k)).join() !== placeholders(zh.get(k)).join())
    expect(differ).toEqual([])
  })

  it('has no empty messages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const empty = [...leaves(messages[lang])].filter(([, m]) => typeof m === 'string' && m.trim() === '')
      expect(empty.map(([k]) => `${lang}:${k}`)).toEqual([])
    }
  })

  it('merges an area\'s additions into a shared key without losing the base keys', () => {
    // errors.ts holds the shared rules; an area's errors-<area>.ts adds its own
    const base = Object.keys(enModules).filter((p) => p.endsWith('/errors.ts'))
    expect(base).toHaveLength(1)
    const shared = leaves((enModules[base[0]!]!.default as { errors: unknown }).errors, 'errors')
    const merged = leaves(messages.en)
    for (const k of shared.keys()) expect(merged.has(k), k).toBe(true)
  })
})
