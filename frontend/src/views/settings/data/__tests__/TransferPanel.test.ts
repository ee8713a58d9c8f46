import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { $, $$, click, settle, withProviders } from '@/test/dom'
import { keysIn, missingMessages } from '@/test/messages'
import type { Preview } from '@/api/transfer'
import TransferPanel from '../TransferPanel.vue'
import source from '../TransferPanel.vue?raw'

vi.mock('@/api/transfer', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/transfer')>()
  return { ...real, transfer: { exportAll: vi.fn(), exportTable: vi.fn(), preview: vi.fn(), import: vi.fn(), progress: vi.fn() } }
})
const { transfer } = await import('@/api/transfer')

function preview(over: Partial<Preview> = {}): Preview {
  return {
    format: 'csv', encoding: 'utf-8', kind: 'accounts', matchKey: 'name_country', matchExternal: false, rows: 3, create: 2, update: 0, unchanged: 0, skip: 1,
    columns: [
      { header: 'Account Name', samples: ['华南电子', 'Acme'], field: 'name' },
      { header: 'Billing Country', samples: ['China', 'Atlantis'], field: 'country' },
      { header: 'Annual Revenue', samples: ['100'], field: '' },
    ],
    fields: [{ key: 'id', required: false }, { key: 'name', required: true }, { key: 'country', required: false }],
    problems: [{ row: 4, column: 'Billing Country', field: 'country', rule: 'invalid_country', params: { value: 'Atlantis' }, message: 'x' }],
    badRows: [4], truncated: false, ...over,
  }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

async function chooseFile(text: string) {
  const input = $<HTMLInputElement>('[data-testid="import-file"]')!
  Object.defineProperty(input, 'files', { value: [new File([text], 'sf.csv', { type: 'text/csv' })], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
  await new Promise((r) => setTimeout(r, 20))
  await settle()
}

describe('TransferPanel', { timeout: 20_000 }, () => {
  it('names every message it uses in both languages', () => {
    const keys = keysIn({ source }, /t\('(transfer\.[a-zA-Z.]+)'/g)
    expect(keys.size).toBeGreaterThan(30)
    expect(missingMessages(keys)).toEqual([])
  })

  it('walks a file through its columns and check, and imports only when the bad rows are left out', async () => {
    vi.mocked(transfer.preview).mockResolvedValue(preview())
    vi.mocked(transfer.progress).mockResolvedValue({ phase: '', rows: 0 })
    vi.mocked(transfer.import).mockResolvedValue({ preview: preview(), written: 2 })
    i18n.global.locale.value = 'en'
    wrapper = mount(withProviders(() => h(TransferPanel)), { attachTo: document.body, global: { plugins: [i18n] as never[] } })
    await settle()

    await chooseFile('Account Name,Billing Country\n华南电子,China\n')
    const first = vi.mocked(transfer.preview).mock.calls[0]![0]
    expect(first.mapping).toBeNull() // Keystone proposes
    expect(atob(first.data)).toContain('Billing Country')
    expect($('[data-testid="mapping-step"]')).not.toBeNull()
    expect($$('[data-testid^="mapping-row-"]')).toHaveLength(3)
    expect($('[data-testid="mapping-row-0"]')!.textContent).toContain('华南电子')

    await click('[data-testid="mapping-next"]')
    expect(vi.mocked(transfer.preview).mock.calls[1]![0].mapping).toEqual(['name', 'country', ''])
    expect($('[data-testid="preview-create"]')!.textContent).toBe('2')
    const problem = $('[data-testid="problem-row"]')!.textContent!
    expect(problem).toContain('4')
    expect(problem).toContain('Billing Country')
    expect(problem).toContain('Atlantis')
    expect($<HTMLButtonElement>('[data-testid="import-run"]')!.disabled).toBe(true)

    await click('[data-testid="skip-bad"] input, [data-testid="skip-bad"]')
    expect($<HTMLButtonElement>('[data-testid="import-run"]')!.disabled).toBe(false)
    await click('[data-testid="import-run"]')
    const req = vi.mocked(transfer.import).mock.calls[0]![0]
    expect(req.skipBad).toBe(true)
    expect(req.mapping).toEqual(['name', 'country', ''])
    expect(req.token).not.toBe('')
    expect($('[data-testid="import-done"]')!.textContent).toContain('2 new, 0 updated, 0 unchanged. 2 records written. Row 4 was left out.')
  })

  it('shows why a file cannot be read', async () => {
    vi.mocked(transfer.preview).mockRejectedValue({ code: 'invalid', rule: 'old_excel', message: 'x' })
    vi.mocked(transfer.progress).mockResolvedValue({ phase: '', rows: 0 })
    i18n.global.locale.value = 'zh-CN'
    wrapper = mount(withProviders(() => h(TransferPanel)), { attachTo: document.body, global: { plugins: [i18n] as never[] } })
    await settle()
    await chooseFile('junk')
    expect($('[data-testid="import-error"]')!.textContent).toContain('这是旧版 Excel 文件（.xls）')
    expect($('[data-testid="mapping-step"]')).toBeNull()
  })
})
