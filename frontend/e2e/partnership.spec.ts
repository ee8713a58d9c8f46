// The relationship tab end to end on a sample account: complete a
// partnership assessment from the UI, see its type, reason and gaps, turn a
// gap into an action, reload, compare two assessments, look at the map and
// export it, change the model's settings and see the old assessment read as
// it was. Screenshots in English and 简体中文.
import { test, expect, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { shot, useLanguage } from './helpers'

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
  await shot(page, 'partnership-relationship-en')

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
  await shot(page, 'partnership-form-en')
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
  await shot(page, 'partnership-assessment-en')
  await toSection(page, 'assessment-history-chart')
  await shot(page, 'partnership-history-en')

  // A gap becomes an action with an owner and a due date.
  await page.locator('[data-testid="gap-row"][data-component="joint_planning"]').getByTestId('gap-create-action').click()
  await expect(page.locator('input[data-testid="action-title"], [data-testid="action-title"] input').first()).toHaveValue('Raise Joint planning to Medium')
  await page.getByTestId('action-save').click()
  await expect(page.locator('[data-testid="gap-row"][data-component="joint_planning"]')).toContainText('Raise Joint planning to Medium')

  // Reload: the assessment is stored and reads the same.
  await page.reload()
  await expect(page.getByTestId('assessment-type')).toHaveText('Type II')
  await expect(page.getByTestId('assessment-reason')).toContainText('drivers 13')
  await expect(page.locator('[data-testid="gap-row"][data-component="joint_planning"]')).toContainText('Raise Joint planning to Medium')

  // Compare two assessments side by side.
  const ticks = page.getByTestId('assessment-tick')
  await ticks.nth(0).click()
  await ticks.nth(1).click()
  await page.getByTestId('assessment-compare').click()
  const dialog = page.getByTestId('compare-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('compare-right')).toContainText('Type II')
  await shot(page, 'partnership-compare-en')
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
  await toSection(page, 'relationship-map')
  await shot(page, 'partnership-map-en')
  const download = page.waitForEvent('download')
  await page.getByTestId('map-export').click()
  expect((await download).suggestedFilename()).toMatch(/\.png$/)

  // 简体中文: the same views.
  await useLanguage(page, 'zh-CN')
  await expect(page.getByTestId('assessment-type')).toHaveText('II 型伙伴关系')
  await expect(page.getByTestId('assessment-reason')).toHaveText('驱动因素 13——客户方较低；促进因素 15 → II 型伙伴关系')
  await page.getByTestId('tab-relationship').scrollIntoViewIfNeeded()
  await page.getByTestId('tab-relationship').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(page, 'partnership-relationship-zh')
  await toSection(page, 'assessment-card')
  await shot(page, 'partnership-assessment-zh')
  await toSection(page, 'relationship-map')
  await shot(page, 'partnership-map-zh')
  // the two ticked before the language switch are still ticked
  await page.getByTestId('assessment-compare').click()
  await expect(dialog.getByTestId('compare-right')).toContainText('II 型伙伴关系')
  await shot(page, 'partnership-compare-zh')
  await page.keyboard.press('Escape')
  await page.getByTestId('theme-switch').click()
  await toSection(page, 'assessment-card')
  await shot(page, 'partnership-assessment-zh-dark')
  await page.getByTestId('theme-switch').click()

  // Settings: stricter cuts make a new version; the old assessment still reads as made.
  const accountUrl = page.url()
  await page.goto(at('/settings?section=partnership'))
  await expect(page.getByTestId('partnership-settings')).toBeVisible()
  await shot(page, 'partnership-settings-zh')
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
  await shot(page, 'partnership-settings-en')
  await page.getByTestId('partnership-settings-restore').click()
  await page.locator('.n-dialog').getByRole('button', { name: 'Restore defaults' }).click()
  await expect(page.getByTestId('partnership-settings-version')).toContainText('3')
})
