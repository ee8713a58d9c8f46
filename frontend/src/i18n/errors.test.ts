import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { baseField, errorText, fieldErrors } from './errors'
import type { ApiError } from '@/api/types'

function translator(locale: 'en' | 'zh-CN') {
  // Plain signatures: the generic ones recurse too deep for the type checker here.
  const g = i18n.global as unknown as {
    t: (k: string, p: object, o: { locale: string }) => string
    te: (k: string, locale: string) => boolean
  }
  return {
    t: (k: string, p?: Record<string, unknown>) => g.t(k, p ?? {}, { locale }),
    te: (k: string) => g.te(k, locale),
  }
}

const invalid: ApiError = {
  code: 'invalid', field: 'name', rule: 'too_long', params: { max: 120, len: 130 },
  message: 'name is 130 characters long; at most 120 are allowed',
  issues: [
    { field: 'name', rule: 'too_long', params: { max: 120, len: 130 }, message: 'name is too long' },
    { field: 'country', rule: 'invalid_country', params: { value: 'XX' }, message: 'bad country' },
    { field: 'tags[1]', rule: 'too_long', params: { max: 80, len: 90 }, message: 'tag too long' },
    { field: 'mystery', rule: 'required', message: 'mystery is required' },
  ],
}

describe('error text', () => {
  it('says a rule in the user language with params and the field label', () => {
    const en = translator('en')
    const zh = translator('zh-CN')
    const issue: ApiError = { code: 'invalid', field: 'name', rule: 'too_long', params: { max: 120, len: 130 }, message: '' }
    expect(errorText(issue, en.t, en.te, { name: 'Account name' }))
      .toBe('Account name is too long: 130 characters, at most 120.')
    expect(errorText(issue, zh.t, zh.te, { name: '客户名称' }))
      .toBe('客户名称过长：130 个字符，最多 120 个。')
  })

  it('translates the record kind of not_found and stale_rev', () => {
    const zh = translator('zh-CN')
    expect(errorText({ code: 'not_found', rule: 'not_found', params: { kind: 'contact', id: 'x' }, message: '' }, zh.t, zh.te))
      .toContain('联系人')
    const en = translator('en')
    expect(errorText({ code: 'conflict', rule: 'stale_rev', params: { kind: 'account' }, message: '' }, en.t, en.te))
      .toMatch(/changed this account.*Reload/)
  })

  it('derives a rule from the code when the server sent none', () => {
    const en = translator('en')
    expect(errorText({ code: 'locked', message: 'Cannot acquire directory lock' }, en.t, en.te))
      .toMatch(/already open in another Keystone window/)
    expect(errorText(new TypeError('Failed to fetch'), en.t, en.te)).toMatch(/cannot be reached/)
  })

  it('falls back to the server message for a rule it does not know', () => {
    const en = translator('en')
    expect(errorText({ code: 'invalid', field: 'x', rule: 'brand_new_rule', message: 'x is odd' }, en.t, en.te)).toBe('x is odd')
  })

  it('maps issues onto the form fields, others to the form itself', () => {
    const en = translator('en')
    const labels = { name: 'Account name', country: 'Country/region', tags: 'Tags' }
    const byField = fieldErrors(invalid, en.t, en.te, labels, ['name', 'country', 'tags'])
    expect(byField.name).toBe('Account name is too long: 130 characters, at most 120.')
    expect(byField.country).toBe('Country/region is not a valid country or region code.')
    expect(byField.tags).toBe('Tags is too long: 90 characters, at most 80.')
    expect(byField['']).toBe('This field is required.')
  })

  it('finds the form field of a nested issue', () => {
    expect(baseField('tags[2]')).toBe('tags')
    expect(baseField('figures[0].revenue')).toBe('figures')
    expect(baseField('name')).toBe('name')
  })
})
