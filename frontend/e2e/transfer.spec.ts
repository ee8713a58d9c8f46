// Import and export end to end: a Salesforce-style CSV goes through the
// column mapping (one proposal checked, one column changed), the preview
// shows its bad row, the row is left out and the rest imported; then the
// accounts are exported to Excel and the download is read back. In English
// and in Chinese.
import { test, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { startServer, type Server } from './server'
import { shot, useLanguage } from './helpers'

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-transfer-'))
  execFileSync(process.env.KEYSTONE_BIN!, ['demo', '--data', dataDir, '--size', 's'], { stdio: 'ignore' })
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const csv = (suffix: string) => [
  'Account Name,Billing Country,Industry,Account Owner,Annual Revenue,Region',
  `华南电子${suffix},China,Electronics,陈静,2500000,South China`,
  `Nordlicht Energie${suffix},Germany,Energy,Jonas Weber,1200000,DACH`,
  `Atlantis Trading${suffix},Atlantis,Retail,Bob,100,Nowhere`,
].join('\r\n') + '\r\n'

async function importCsv(page: Page, suffix: string, lang: 'en' | 'zh-CN') {
  await page.goto(`${server!.url}#/settings?section=data`)
  await expect(page.getByTestId('transfer-panel')).toBeVisible()
  await page.waitForLoadState('networkidle') // the saved language applies once the preferences have loaded
  await useLanguage(page, lang)
  await page.getByTestId('import-file').setInputFiles({ name: `salesforce-accounts${suffix}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv(suffix)) })

  // The mapping step: the proposal recognised Salesforce's headers.
  await expect(page.getByTestId('mapping-step')).toBeVisible()
  await expect(page.getByTestId('mapping-field-0')).toContainText(lang === 'en' ? 'Name' : '名称')
  await expect(page.getByTestId('mapping-field-1')).toContainText(lang === 'en' ? 'Country' : '国家')
  await expect(page.getByTestId('mapping-field-5')).toContainText(lang === 'en' ? 'ignore' : '忽略')
  // Change one column: the region becomes a tag.
  // (the field list filters as one types, so the keyboard finds a field at once)
  await page.getByTestId('mapping-field-5').click()
  await page.keyboard.type(lang === 'en' ? 'Tags' : '标签')
  await page.locator('.n-base-select-option').filter({ hasText: lang === 'en' ? 'Tags' : '标签' }).first().click()
  await expect(page.getByTestId('mapping-field-5')).toContainText(lang === 'en' ? 'Tags' : '标签')
  await page.getByTestId('mapping-row-0').scrollIntoViewIfNeeded()
  await page.mouse.move(0, 0)
  await shot(page, `transfer-mapping-${lang}`)
  await page.getByTestId('mapping-next').click()

  // The preview: two new accounts, one row with a problem at its row and column.
  await expect(page.getByTestId('preview-step')).toBeVisible()
  await expect(page.getByTestId('preview-create')).toHaveText('2')
  await expect(page.getByTestId('preview-skip')).toHaveText('1')
  const problem = page.getByTestId('problem-row').first()
  await expect(problem).toContainText('4')
  await expect(problem).toContainText('Billing Country')
  await expect(problem).toContainText('Atlantis')
  await expect(page.getByTestId('import-run')).toBeDisabled()
  await page.getByTestId('skip-bad').click()
  await expect(page.getByTestId('import-run')).toBeEnabled()
  await shot(page, `transfer-preview-${lang}`)
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await shot(page, `transfer-done-${lang}`)
}

// Contacts as Chinese Excel saves CSV, in GBK: "客户名称,联系人,职位,电话 / 华南电子 B,李娜,采购经理,13800000000 /
// 不存在的客户,王强,总监," (the bytes are GBK's, written out here so no converter is needed).
const gbkContacts = Buffer.from('bfcdbba7c3fbb3c62cc1aacfb5c8cb2cd6b0cebb2cb5e7bbb00d0abbaac4cfb5e7d7d320422cc0eec4c82cb2c9b9babeadc0ed2c'
  + '31333830303030303030300d0ab2bbb4e6d4dab5c4bfcdbba72ccdf5c7bf2cd7dcbce02c0d0a', 'hex')

/** The text of every XML part of an .xlsx (a zip), read with Node's own inflate. */
function xlsxText(zip: Buffer): string {
  let eocd = zip.length - 22
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const parts: string[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLen = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString()
    at += 46 + nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    if (!name.endsWith('.xml')) continue
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(start, start + size)
    parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf-8'))
  }
  return parts.join('\n')
}

async function exportAccounts(page: Page, suffix: string) {
  await page.getByTestId('export-format-xlsx').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-table').click()])
  expect(download.suggestedFilename()).toMatch(/^keystone-accounts-.*\.xlsx$/)
  const path = join(dataDir, `..`, `ks-export-${Date.now()}.xlsx`)
  await download.saveAs(path)
  const bytes = readFileSync(path)
  expect(bytes.subarray(0, 2).toString()).toBe('PK')
  // Read the workbook back: its sheet XML holds the imported names (inline or shared strings).
  const text = xlsxText(bytes)
  rmSync(path, { force: true })
  expect(text).toContain(`华南电子${suffix}`)
  expect(text).toContain(`Nordlicht Energie${suffix}`)
  expect(text).toContain('South China')
  expect(text).not.toContain(`Atlantis Trading${suffix}`)
}

test('import a Salesforce CSV through the mapping, then export to Excel (English)', async ({ page }) => {
  await importCsv(page, ' A', 'en')
  await exportAccounts(page, ' A')
  await page.getByTestId('export-card').scrollIntoViewIfNeeded()
  await shot(page, 'transfer-export-en')

  // Everything as JSON: a documented, versioned file; it loads only into an empty folder.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()])
  expect(download.suggestedFilename()).toMatch(/^keystone-.*\.json$/)
  const path = join(dataDir, '..', `ks-export-${Date.now()}.json`)
  await download.saveAs(path)
  const json = readFileSync(path)
  const head = JSON.parse(json.toString()) as { format: string; formatVersion: number; schemaVersion: number; counts: Record<string, number> }
  expect(head.format).toBe('keystone.export')
  expect(head.formatVersion).toBe(1)
  expect(head.counts.account).toBe(26)
  rmSync(path, { force: true })
  await page.getByTestId('import-another').click()
  await page.getByTestId('import-file').setInputFiles({ name: 'keystone.json', mimeType: 'application/json', buffer: json })
  await expect(page.getByTestId('import-error')).toContainText('loads only into an empty data folder')
})

test('import and export in Chinese', async ({ page }) => {
  await importCsv(page, ' B', 'zh-CN')
  await exportAccounts(page, ' B')
  await page.getByTestId('export-card').scrollIntoViewIfNeeded()
  await shot(page, 'transfer-export-zh-CN')
  // The wizard in the dark theme, with a GBK file from Chinese Excel and a problem row.
  await page.getByTestId('theme-switch').click()
  await page.getByTestId('import-another').click()
  await page.getByTestId('import-file').setInputFiles({ name: '联系人.csv', mimeType: 'text/csv', buffer: gbkContacts })
  await expect(page.getByTestId('mapping-step')).toBeVisible()
  await expect(page.getByTestId('import-encoding')).toContainText('GBK')
  await expect(page.getByTestId('import-kind')).toContainText('联系人')
  await page.getByTestId('mapping-next').click()
  await expect(page.getByTestId('preview-create')).toHaveText('1')
  await expect(page.getByTestId('problem-row').first()).toContainText('没有名为“不存在的客户”的客户')
  await page.mouse.move(0, 0)
  await shot(page, 'transfer-preview-zh-CN-dark')
  await page.getByTestId('theme-switch').click()
})

test('a large file shows its progress and lands whole', async ({ page }) => {
  await page.goto(`${server!.url}#/settings?section=data`)
  await expect(page.getByTestId('transfer-panel')).toBeVisible()
  await page.waitForLoadState('networkidle') // the saved language applies once the preferences have loaded
  await useLanguage(page, 'en')
  const accounts = ['Account Name,Billing Country']
  for (let i = 1; i <= 20; i++) accounts.push(`进度客户 ${i},CN`)
  await page.getByTestId('import-file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(accounts.join('\n') + '\n') })
  await page.getByTestId('mapping-next').click()
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done')).toBeVisible()
  await page.getByTestId('import-another').click()

  const rows = 80_000
  const deals = ['Account Name,Opportunity Name,Stage,Amount,Close Date,Probability (%)']
  for (let i = 0; i < rows; i++) deals.push(`进度客户 ${i % 20 + 1},Deal ${i},Qualification,${1000 + i}.5,2027-${String(i % 12 + 1).padStart(2, '0')}-15,${i % 100}`)
  await page.getByTestId('import-file').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(deals.join('\n') + '\n') })
  await expect(page.getByTestId('mapping-step')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('mapping-field-2')).toContainText('Stage')
  await page.getByTestId('mapping-next').click()
  await expect(page.getByTestId('preview-create')).toHaveText('80,000', { timeout: 60_000 })
  await page.getByTestId('import-run').click()
  const progress = page.getByTestId('import-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toContainText(/Importing row [1-9][\d,]* of 80,000|Writing/)
  await shot(page, 'transfer-progress-en')
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('import-done')).toContainText('80,000 new')
})
