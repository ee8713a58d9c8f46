import { describe, expect, it } from 'vitest'
import { nameInText } from './text'

describe('nameInText', () => {
  it.each([
    ['Steven Cooper', 'zh-CN', ' Steven Cooper '],
    ['陈静', 'zh-CN', '陈静'],
    ['Dr. 王', 'zh-CN', ' Dr. 王'],
    ['Steven Cooper', 'en', 'Steven Cooper'],
    ['', 'zh-CN', ''],
  ])('%s in %s', (name, locale, want) => {
    expect(nameInText(name, locale)).toBe(want)
  })
})
