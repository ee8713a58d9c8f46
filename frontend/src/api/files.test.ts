import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeServer } from '@/test/fakeServer'
import { blobToBase64, resetFileDialog, saveFile } from './files'

describe('saveFile', () => {
  beforeEach(() => resetFileDialog())
  afterEach(() => vi.restoreAllMocks())

  it('encodes Chinese text and binary bytes as base64 the Go side decodes', async () => {
    const text = await blobToBase64(new Blob(['客户,赢单\n']))
    expect(new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))).toBe('客户,赢单\n')
    const bytes = await blobToBase64(new Blob([new Uint8Array([0, 255, 128, 10])]))
    expect(bytes).toBe('AP+ACg==')
  })

  it('asks the native dialog in the desktop and reports a cancel', async () => {
    let answer = '/home/u/win-loss.csv'
    const server = fakeServer({
      'FileService.CanAsk': () => true,
      'FileService.Save': () => ({ path: answer, bytes: 4 }),
    })
    expect(await saveFile('win-loss.csv', new Blob(['a,b\n']))).toBe(true)
    expect(server.calls('FileService', 'Save')[0]).toEqual(['win-loss.csv', btoa('a,b\n')])
    answer = ''
    expect(await saveFile('win-loss.csv', new Blob(['a,b\n']))).toBe(false)
    expect(server.calls('FileService', 'CanAsk')).toHaveLength(1)
  })

  it('downloads in browser mode', async () => {
    const server = fakeServer({ 'FileService.CanAsk': () => false })
    const clicks: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    expect(await saveFile('plan.ics', new Blob(['BEGIN:VCALENDAR']))).toBe(true)
    expect(clicks).toEqual(['plan.ics'])
    expect(server.calls('FileService', 'Save')).toHaveLength(0)
  })
})
