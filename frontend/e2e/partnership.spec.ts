// The relationship tab end to end on a sample account: complete a
// partnership assessment from the UI, see its type, reason and gaps, turn a
// gap into an action with an owner and a due date, reload, compare two
// assessments, read the type matrix's help, raise a red flag and see it
// beside and on the map, export the map as an image (browser download and
// the desktop's save dialog) and check the file is a PNG that decodes,
// change the model's settings and see the old assessment read as it was.
// Screenshots in English and 简体中文, light and dark.
import { test, expect, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer, type Server } from './server'
import { field, shot, useLanguage } from './helpers'

const artifacts = fileURLToPath(new URL('../../test/artifacts/', import.meta.url))

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-partnership-'))
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const DRIVERS = ['asset_cost', 'customer_service', 'marketing', 'profit']
const FACILITATORS = ['compatibility', 'management', 'mutuality', 'symmetry']
const BONUSES = ['exclusivity', 'shared_competitors', 'proximity', 'prior_history', 'shared_end_users']
const COMPONENTS: Record<string, string> = {
  joint_planning: 'Low', joint_operating_controls: 'Medium', communications: 'Medium', risk_reward: 'Medium',
  trust_commitment: 'High', contract_style: 'Medium', scope: 'Medium', financial_investment: 'Medium',
}

async function pickScore(page: Page, testId: string, score: number) {
  await page.getByTestId(testId).locator('.n-radio-button').filter({ hasText: new RegExp(`^${score}$`) }).click()
}

async function section(page: Page, name: string) {
  await page.getByTestId(`assessment-section-${name}`).click()
}

async function toSection(page: Page, testId: string) {
  await page.getByTestId(testId).scrollIntoViewIfNeeded()
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }))
}

/** The app at a route (hash history). */
const at = (path: string) => `${server!.url.split('#')[0]}#${path}`

/** A screenshot with the pointer parked off any tooltip. */
async function snap(page: Page, name: string) {
  await page.mouse.move(2, 890)
  await shot(page, name)
}

/** Today plus days, as the date picker takes it. */
function isoDay(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * Checks bytes are a whole PNG (signature, header first, end chunk last)
 * that the browser decodes, and returns its size in pixels.
 */
async function checkPng(page: Page, bytes: Buffer): Promise<{ width: number; height: number }> {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR')
  expect(bytes.toString('ascii', bytes.length - 8, bytes.length - 4)).toBe('IEND')
  const header = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
  const decoded = await page.evaluate(async (b64) => {
    const bin = atob(b64)
    const data = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i)
    const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }))
    return { width: bmp.width, height: bmp.height }
  }, bytes.toString('base64'))
  expect(decoded).toEqual(header)
  return header
}

test('assess a partnership, act on a gap, compare, map, settings', async ({ page }) => {
  await page.goto(at('/accounts'))
  await page.getByTestId('load-sample').click()
  await expect(page.getByTestId('account-row')).toHaveCount(24)

  // The first sample account's relationship tab: its generated assessments and stage.
  await page.getByTestId('account-row').first().click()
  await page.getByTestId('tab-relationship').click()
  await expect(page.getByTestId('relationship-tab')).toBeVisible()
  await expect(page.getByTestId('assessment-type')).toBeVisible()
  await expect(page.getByTestId('stage-suggestion')).toBeVisible()
  const before = await page.getByTestId('assessment-row').count()
  expect(before).toBeGreaterThan(0)
  await snap(page, 'partnership-relationship-en')

  // A new assessment, every score given from the form.
  await page.getByTestId('assessment-new').first().click()
  await expect(page.getByTestId('assessment-form')).toBeVisible()
  for (const k of DRIVERS) {
    await pickScore(page, `score-ours-${k}`, 4)
    await pickScore(page, `score-customer-${k}`, k === 'profit' ? 4 : 3)
  }
  await page.getByTestId('note-customer-profit').fill('客户希望锁定三年价格')
  await section(page, 'facilitators')
  for (const k of FACILITATORS) await pickScore(page, `score-facilitator-${k}`, k === 'symmetry' ? 3 : 4)
  for (const k of BONUSES) {
    const box = page.getByTestId(`bonus-${k}`)
    if ((await box.getAttribute('aria-checked')) === 'true') await box.click()
  }
  await section(page, 'components')
  for (const [k, level] of Object.entries(COMPONENTS)) {
    await page.getByTestId(`level-${k}`).locator('.n-radio-button').filter({ hasText: new RegExp(`^${level}$`) }).click()
  }
  await expect(page.getByTestId('assessment-preview')).toContainText('Type II')
  await section(page, 'outcomes')
  await snap(page, 'partnership-form-en')
  await page.getByTestId('assessment-save').click()
  await expect(page.getByTestId('assessment-form')).toBeHidden()

  // The type with its reason in plain words, and the gaps.
  await expect(page.getByTestId('assessment-type')).toHaveText('Type II')
  await expect(page.getByTestId('assessment-reason')).toHaveText('drivers 13 — the customer’s side is the lower; facilitators 15 → Type II')
  // joint planning is below what Type II calls for; trust one level above is fine
  await expect(page.getByTestId('gap-row')).toHaveCount(1)
  await expect(page.locator('[data-testid="gap-row"][data-component="joint_planning"]')).toBeVisible()
  await expect(page.locator('[data-testid="gap-row"][data-component="trust_commitment"]')).toHaveCount(0)
  await expect(page.getByTestId('assessment-row')).toHaveCount(before + 1)
  await toSection(page, 'assessment-card')
  await snap(page, 'partnership-assessment-en')
  await toSection(page, 'assessment-history-chart')
  await snap(page, 'partnership-history-en')

  // The type matrix's help: which thresholds are the literature's defaults, and where to change them.
  await toSection(page, 'assessment-card')
  await page.getByTestId('matrix-help').click()
  await expect(page.getByTestId('matrix-help-defaults')).toBeVisible()
  await expect(page.getByTestId('matrix-help-status')).toHaveText('Every threshold here is a shipped default.')
  await expect(page.getByTestId('matrix-help-text')).toContainText('Lambert, Emmelhainz & Gardner (1996)')
  await expect(page.getByTestId('matrix-help-text')).toContainText('editable in Settings → Partnership model')
  await shot(page, 'partnership-matrix-help-en')
  await page.keyboard.press('Escape')
  await page.getByTestId('assessment-of').click()
  await expect(page.getByTestId('matrix-help-defaults')).toBeHidden()

  // A gap becomes an action with an owner and a due date.
  const gap = page.locator('[data-testid="gap-row"][data-component="joint_planning"]')
  await gap.getByTestId('gap-create-action').click()
  await expect(field(page, 'action-title')).toHaveValue('Raise Joint planning to Medium')
  const owner = await field(page, 'action-owner').inputValue()
  expect(owner).not.toBe('') // the account's owner, preset
  const due = isoDay(30)
  const dueInput = page.getByTestId('action-due-picker').locator('input')
  await dueInput.click()
  await dueInput.fill(due)
  // no Enter (see programs.spec.ts): clicking away keeps the typed date
  await field(page, 'action-title').click()
  await expect(dueInput).toHaveValue(due)
  await page.getByTestId('action-save').click()
  const dueText = new Date(`${due}T12:00:00`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' })
  await expect(gap).toContainText('Raise Joint planning to Medium')
  await expect(gap).toContainText(dueText)
  await expect(gap).toContainText(owner)

  // Reload: the assessment is stored and reads the same.
  await page.reload()
  await expect(page.getByTestId('assessment-type')).toHaveText('Type II')
  await expect(page.getByTestId('assessment-reason')).toContainText('drivers 13')
  await expect(gap).toContainText('Raise Joint planning to Medium')
  await expect(gap).toContainText(dueText)
  await expect(page.getByTestId('assessment-evidence')).toContainText('客户希望锁定三年价格')

  // Compare two assessments side by side.
  const ticks = page.getByTestId('assessment-tick')
  await ticks.nth(0).click()
  await ticks.nth(1).click()
  await page.getByTestId('assessment-compare').click()
  const dialog = page.getByTestId('compare-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('compare-right')).toContainText('Type II')
  await snap(page, 'partnership-compare-en')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // The map with its red flags; export it as an image.
  await toSection(page, 'relationship-map')
  await expect(page.getByTestId('map-chart')).toBeVisible()
  // an influence line beyond the org chart
  await page.getByTestId('influence-add').click()
  // one menu at a time: the first must be gone before the second opens, or a
  // click meant for the second lands on the first one's fading options
  const menus = page.locator('.n-base-select-menu:visible')
  await page.getByTestId('influence-from').click()
  await expect(menus).toHaveCount(1)
  await menus.locator('.n-base-select-option').nth(1).click()
  await expect(menus).toHaveCount(0)
  await page.getByTestId('influence-to').click()
  await expect(menus).toHaveCount(1)
  await menus.locator('.n-base-select-option').first().click()
  await expect(menus).toHaveCount(0)
  await expect(page.getByTestId('influence-save')).toBeEnabled()
  await page.getByTestId('influence-save').click()
  await expect(page.getByTestId('influence-line')).toHaveCount(1)

  // The economic buyer drops to "acceptance" (key relationships): a red flag, beside the map and on it.
  await expect(page.locator('[data-testid="red-flag"][data-kind="economic_below"]')).toHaveCount(0)
  const buyer = page.getByTestId('key-person').filter({ hasText: 'Economic buyer' })
  const buyerName = (await buyer.locator('.name').textContent())!.trim()
  await buyer.locator('.n-select').click()
  await page.locator('.n-base-select-menu:visible .n-base-select-option').filter({ hasText: /^2 · Acceptance$/ }).click()
  const flag = page.locator('[data-testid="red-flag"][data-kind="economic_below"]')
  await expect(flag).toHaveText(`${buyerName}, the economic buyer, is at “Acceptance”, below “favourable”.`)
  // on the map too: the chart's label names the flagged people it marks
  await expect(page.getByTestId('map-chart')).toHaveAttribute('aria-label', new RegExp(`red flags on .*${buyerName}`))
  await toSection(page, 'relationship-map')
  await snap(page, 'partnership-map-en')

  // Export, browser mode: a download of a whole PNG, bigger than the chart alone (legend and flags beside it).
  const download = page.waitForEvent('download')
  await page.getByTestId('map-export').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/ - Relationship map \d{4}-\d{2}-\d{2}\.png$/)
  const png = readFileSync((await file.path())!)
  const size = await checkPng(page, png)
  const chartBox = (await page.getByTestId('map-chart').boundingBox())!
  expect(size.width).toBeGreaterThan(chartBox.width * 2)
  expect(size.height).toBeGreaterThan(chartBox.height * 2)
  writeFileSync(join(artifacts, 'partnership-map-export-en.png'), png)

  // 简体中文: the same views.
  await useLanguage(page, 'zh-CN')
  await expect(page.getByTestId('assessment-type')).toHaveText('II 型伙伴关系')
  await expect(page.getByTestId('assessment-reason')).toHaveText('驱动因素 13——客户方较低；促进因素 15 → II 型伙伴关系')
  await page.getByTestId('tab-relationship').scrollIntoViewIfNeeded()
  await page.getByTestId('tab-relationship').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await snap(page, 'partnership-relationship-zh')
  await toSection(page, 'assessment-card')
  await snap(page, 'partnership-assessment-zh')
  await page.getByTestId('matrix-help').click()
  await expect(page.getByTestId('matrix-help-status')).toHaveText('这里的阈值全部是出厂默认值。')
  await expect(page.getByTestId('matrix-help-text')).toContainText('“设置 → 合作伙伴关系模型”中修改')
  await shot(page, 'partnership-matrix-help-zh')
  await page.keyboard.press('Escape')
  await page.getByTestId('assessment-of').click()
  await toSection(page, 'relationship-map')
  // a Latin name is set off from the Chinese around it by a space
  const inZh = buyerName.replace(/^(?=[A-Za-z0-9])/, ' ').replace(/(?<=[A-Za-z0-9])$/, ' ')
  await expect(flag).toHaveText(`经济决策者${inZh}处于“接受”，低于“有好感”。`)
  await snap(page, 'partnership-map-zh')
  // the two ticked before the language switch are still ticked
  await page.getByTestId('assessment-compare').click()
  await expect(dialog.getByTestId('compare-right')).toContainText('II 型伙伴关系')
  await snap(page, 'partnership-compare-zh')
  await page.keyboard.press('Escape')
  await page.getByTestId('theme-switch').click()
  await toSection(page, 'assessment-card')
  await snap(page, 'partnership-assessment-zh-dark')
  await toSection(page, 'relationship-map')
  await snap(page, 'partnership-map-zh-dark')

  // Export, desktop mode: the page hands the PNG to FileService.Save, which
  // asks with the native dialog and writes it (app/files_test.go). Here the
  // dialog is answered on the wire, so what the page sends is checked.
  let sent: { name: string; data: Buffer } | null = null
  await page.route('**/api/FileService/CanAsk', (r) => r.fulfill({ json: true }))
  await page.route('**/api/FileService/Save', async (r) => {
    const [name, b64] = r.request().postDataJSON() as [string, string]
    sent = { name, data: Buffer.from(b64, 'base64') }
    await r.fulfill({ json: { path: `/home/user/${name}`, bytes: sent.data.length } })
  })
  await page.reload() // the page asks once whether a dialog exists
  await toSection(page, 'relationship-map')
  await page.getByTestId('map-export').click()
  await expect(page.locator('.n-message')).toContainText('已保存为')
  expect(sent).not.toBeNull()
  expect(sent!.name).toMatch(/ - 客户关系图 \d{4}-\d{2}-\d{2}\.png$/)
  await checkPng(page, sent!.data)
  writeFileSync(join(artifacts, 'partnership-map-export-zh-dark.png'), sent!.data)
  await page.unrouteAll()
  await page.getByTestId('theme-switch').click()

  // Settings: stricter cuts make a new version; the old assessment still reads as made.
  const accountUrl = page.url()
  await page.goto(at('/settings?section=partnership'))
  await expect(page.getByTestId('partnership-settings')).toBeVisible()
  await snap(page, 'partnership-settings-zh')
  await page.locator('[data-testid="ps-armsLengthBelow"]').fill('10')
  await page.locator('[data-testid="ps-middleFrom"]').fill('14')
  await page.locator('[data-testid="ps-highFrom"]').fill('18')
  await page.getByTestId('partnership-settings-save').click()
  await expect(page.getByTestId('partnership-settings-version')).toContainText('2')
  await page.goto(accountUrl)
  await expect(page.getByTestId('assessment-type')).toHaveText('II 型伙伴关系')
  await expect(page.getByTestId('assessment-old-settings')).toBeVisible()

  await useLanguage(page, 'en')
  await page.goto(at('/settings?section=partnership'))
  await expect(page.getByTestId('partnership-settings')).toBeVisible()
  await expect(page.getByTestId('ps-default-armsLengthBelow')).toHaveText('default 8')
  await expect(page.getByTestId('ps-default-armsLengthBelow')).toHaveClass(/changed/)
  await snap(page, 'partnership-settings-en')
  // the relationship model's numbers below it, each with its default
  await toSection(page, 'relationship-settings')
  await expect(page.getByTestId('relationship-settings-version')).toContainText('Shipped defaults')
  await expect(page.getByTestId('relationship-settings')).toContainText('default 90')
  await snap(page, 'partnership-settings-relationship-en')
  await page.getByTestId('partnership-settings-restore').click()
  await page.locator('.n-dialog').getByRole('button', { name: 'Restore defaults' }).click()
  await expect(page.getByTestId('partnership-settings-version')).toContainText('3')
})
