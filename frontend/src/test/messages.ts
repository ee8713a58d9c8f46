// Checks that every message key a set of views names exists in both
// languages; a typo would otherwise show the raw key path to the user.
import { messages } from '@/i18n'

export function hasMessage(lang: 'en' | 'zh-CN', key: string): boolean {
  let node: unknown = messages[lang]
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

/** The keys `pattern` (a global regex whose first group is the key) finds in the sources' text. */
export function keysIn(sources: Record<string, string>, pattern: RegExp): Set<string> {
  const keys = new Set<string>()
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(pattern)) keys.add(m[1]!)
  }
  return keys
}

/** "lang:key" for each key missing in a language. */
export function missingMessages(keys: Iterable<string>): string[] {
  return [...keys].flatMap((k) => (['en', 'zh-CN'] as const).filter((l) => !hasMessage(l, k)).map((l) => `${l}:${k}`))
}
