import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { base64ToBlob, clone, fileSlug, labelIn, toCsv } from '../model'

describe('win-loss model helpers', () => {
  it('labels settings entries in the UI language, falling back to the other one and then the key', () => {
    const l = { en: 'Qualification', zh: '过滤' }
    expect(labelIn('zh-CN', l, 'k')).toBe('过滤')
    expect(labelIn('en', l, 'k')).toBe('Qualification')
    expect(labelIn('zh-CN', { en: 'Only English', zh: '' }, 'k')).toBe('Only English')
    expect(labelIn('en', undefined, 'retired_stage')).toBe('retired_stage')
  })

  it('writes CSV with a BOM, quoting what needs it', async () => {
    const blob = toCsv({ name: 'x', headers: ['原因', 'Value'], rows: [['价格, 总成本', 312000.5], ['say "no"', 0]] })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text).toBe('原因,Value\r\n"价格, 总成本",312000.5\r\n"say ""no""",0\r\n')
  })

  it('turns the server’s base64 workbook into bytes unchanged', async () => {
    const blob = base64ToBlob(btoa('PK\x03\x04data'), 'application/octet-stream')
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('PK\x03\x04data')
  })

  it('copies reactive drafts, which structuredClone refuses', () => {
    const r = reactive({ a: { b: [1, 2] } })
    const c = clone(r)
    c.a.b.push(3)
    expect(r.a.b).toEqual([1, 2])
    expect(() => structuredClone(r)).toThrow()
  })

  it('makes file names safe', () => {
    expect(fileSlug('Win rate / by: competitor?')).toBe('Win-rate-by-competitor-')
  })
})
