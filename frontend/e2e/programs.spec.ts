// Global account programs end to end: mark a sample account as a global
// account (a subsidiary of another parent cannot be linked; a new subsidiary
// abroad is created), start its program with the drivers checklist, build the
// country table across at least four countries from the group, enter
// quarterly actuals (a negative one is refused), watch health turn amber and
// then red by the revenue rule, record the global contract (an end before
// the start is refused) and see the renewal alert at 180 and then 90 days,
// plan the renewal and an overdue milestone, drop a country mid-year; then
// the Programs page, in English and in Chinese, light and dark.
import { test, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot } from './helpers'

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-programs-'))
  // Size M: its sample leaves some global accounts without a program to start one for.
  execFileSync(process.env.KEYSTONE_BIN!, ['demo', '--data', dataDir, '--size', 'm'], { stdio: 'ignore' })
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000))

async function pickOption(page: Page, selectId: string, text: string) {
  await page.getByTestId(selectId).click()
  await page.keyboard.type(text)
  await page.locator('.n-base-select-menu:visible .n-base-select-option').filter({ hasText: text }).first().click()
}

const codesInTable = async (page: Page) =>
  (await page.locator('[data-testid="country-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country') ?? '')))

async function addCountry(page: Page, code: string, coverage: 'covered' | 'partial' | 'none') {
  await page.getByTestId('country-add').click()
  await pickOption(page, 'country-select', `(${code})`)
  await page.getByTestId(`country-coverage-${coverage}`).click()
  await field(page, 'country-lead').fill(`Lead ${code}`)
  await page.getByTestId('country-save').click()
  await expect(page.locator(`[data-testid="country-row"][data-country="${code}"]`)).toBeVisible()
}

async function enterQ1(page: Page, actuals: Record<string, string>) {
  await page.getByTestId('figures-open').click()
  for (const [code, actual] of Object.entries(actuals)) {
    await page.getByTestId(`q-${code}-1-target`).fill('1000000')
    await page.getByTestId(`q-${code}-1-actual`).fill(actual)
  }
  await page.getByTestId('figures-save').click()
  await expect(page.getByTestId('figures-grid')).toBeHidden()
}

async function setDate(page: Page, id: string, value: string) {
  const input = page.locator(`[data-testid="${id}"] input`)
  await input.fill(value)
  await input.press('Enter')
}

test('build a global program across four countries, see health and the renewal alert', async ({ page }) => {
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByTestId('program-row').first()).toBeVisible()
  await expect(page.getByTestId('program-tiles')).toContainText('Renewals within 180 days')
  await shot(page, 'programs-list-en')

  // Mark a global account: the first sample group without a program gets a subsidiary in a new country.
  const name = (await page.getByTestId('program-candidate').first().locator('.candidate__name').textContent())!.trim()
  await page.getByTestId('program-mark-global').click()
  await pickOption(page, 'group-account', name)
  // A subsidiary of another parent is offered only disabled, saying whose it is.
  await page.getByTestId('group-link').click()
  await page.keyboard.type('already a subsidiary of')
  const taken = page.locator('.n-base-select-menu:visible .n-base-select-option').first()
  await expect(taken).toContainText('already a subsidiary of')
  await expect(taken).toHaveClass(/n-base-select-option--disabled/)
  await page.locator('.n-drawer p.intro').click()
  await page.getByTestId('group-new-add').click()
  const used = await page.getByTestId('group-spans').textContent()
  const newCode = ['BR', 'ZA', 'MX', 'AE', 'AU'].find((c) => !used!.includes(new Intl.DisplayNames(['en'], { type: 'region' }).of(c)!))!
  await field(page, 'group-new-name-0').fill(`${name} (${newCode})`)
  await pickOption(page, 'group-new-country-0', `(${newCode})`)
  await expect(page.getByTestId('group-spans')).toContainText('The group spans')
  await shot(page, 'programs-mark-global-en')
  await page.getByTestId('group-save').click()

  // The group qualifies: the form to start its program opens by itself.
  await expect(field(page, 'program-form-manager')).not.toHaveValue('')
  await field(page, 'program-form-sponsor').fill('Claire Dubois')
  // Running since the start of the year, so this year's quarters count.
  await setDate(page, 'program-form-start', `${new Date().getFullYear()}-01-01`)
  await page.getByTestId('program-driver-global_purchasing').click()
  await field(page, 'program-driver-notes-global_purchasing').fill('One tender from the global purchasing centre')
  await page.getByTestId('program-form-save').click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'green')
  await expect(page.getByText('One tender from the global purchasing centre')).toBeVisible()

  // The country table from the group: each subsidiary's country with it as the local entity …
  const coverages = ['covered', 'partial', 'covered', 'none'] as const
  let n = 0
  while (await page.getByTestId('group-add-country').count()) {
    await page.getByTestId('group-add-country').first().click()
    await page.getByTestId(`country-coverage-${coverages[n % 4]}`).click()
    await page.getByTestId('country-save').click()
    n++
    await expect(page.getByTestId('country-row')).toHaveCount(n)
  }
  await expect(page.locator(`[data-testid="country-row"][data-country="${newCode}"]`)).toContainText(`${name} (${newCode})`)
  // … and countries where the group works without an account on file, to four at least.
  for (const code of ['DE', 'US', 'JP', 'IN', 'FR']) {
    if ((await codesInTable(page)).length >= 4) break
    if (!(await codesInTable(page)).includes(code)) await addCountry(page, code, 'partial')
  }
  const codes = await codesInTable(page)
  expect(codes.length).toBeGreaterThanOrEqual(4)

  // A negative actual is refused, and nothing is saved.
  await page.getByTestId('figures-open').click()
  await page.getByTestId(`q-${codes[0]}-1-actual`).fill('-5')
  await page.getByTestId('figures-save').click()
  await expect(page.getByTestId('form-error')).toContainText('cannot be negative')
  await page.locator('[role="dialog"]').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('figures-grid')).toBeHidden()

  // Q1 at 90 % of target: amber by the milder revenue rule.
  await enterQ1(page, Object.fromEntries(codes.map((c) => [c, '900000'])))
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'amber')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="revenue_amber"]')).toContainText('90')

  // Two countries far behind: red by the revenue rule.
  await enterQ1(page, { [codes[0]!]: '400000', [codes[1]!]: '600000' })
  const pct = Math.round(((codes.length - 2) * 900_000 + 1_000_000) / (codes.length * 1_000_000) * 100)
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'red')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="revenue_red"]')).toContainText(`${pct}%`)
  await expect(page.getByTestId('rollup-total')).toContainText(`${pct}%`)

  // The global contract: an end before the start is refused next to the field.
  await page.getByTestId('contract-edit').click()
  await field(page, 'contract-number').fill('GA-2024-017')
  await setDate(page, 'contract-start', inDays(-700))
  await setDate(page, 'contract-end', inDays(-800))
  await page.getByTestId('contract-save').click()
  await expect(page.locator('.n-form-item-feedback--error')).toContainText('cannot be earlier than the start')
  // Renewing in 150 days: the first alert (within 180 days) and amber's renewal rule.
  await setDate(page, 'contract-end', inDays(150))
  await page.getByTestId('contract-save').click()
  await expect(page.getByTestId('renewal-alert')).toHaveAttribute('data-level', 'notice')
  await expect(page.getByTestId('renewal-alert')).toContainText('in 150 days')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="renewal_near"]')).toBeVisible()
  // Renewing in 60 days: urgent, and red until renewal work is planned.
  await page.getByTestId('contract-edit').click()
  await setDate(page, 'contract-end', inDays(60))
  await page.getByTestId('contract-save').click()
  await expect(page.getByTestId('renewal-alert')).toHaveAttribute('data-level', 'urgent')
  await expect(page.getByTestId('renewal-alert')).toContainText('time to act')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="renewal_urgent"]')).toBeVisible()
  await page.getByTestId('program-view').locator('.back').scrollIntoViewIfNeeded()
  await shot(page, 'programs-view-en')

  // A milestone already late stands out, and turns on the overdue rule.
  await page.getByTestId('milestone-add').click()
  await field(page, 'action-title').fill('Global steering committee kick-off')
  const due = page.getByTestId('action-due-picker').locator('input')
  await due.fill(inDays(-5))
  // no Enter: on a loaded machine it can reach the drawer as "save" while the
  // picker closes; clicking away closes the picker with the typed date kept
  await field(page, 'action-title').click()
  await expect(due).toHaveValue(inDays(-5))
  await page.getByTestId('action-save').click()
  await expect(page.getByTestId('program-actions')).toContainText('Global steering committee kick-off')
  await expect(page.getByTestId('program-overdue-count')).toContainText('1 overdue')
  await expect(page.locator('[data-testid="program-actions"] .action-row--overdue')).toHaveCount(1)
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="overdue_actions"]')).toBeVisible()

  // KPI targets: margin entered below 90 % of its target turns on the KPI rule.
  await page.getByTestId('kpi-edit').click()
  await page.getByTestId('kpi-margin-target').locator('input').fill('25')
  await page.getByTestId('kpi-margin-actual').locator('input').fill('20')
  await page.getByTestId('kpi-satisfaction-target').locator('input').fill('8')
  await page.getByTestId('kpi-save').click()
  await expect(page.getByTestId('kpi-margin')).toContainText('20%')
  await expect(page.getByTestId('kpi-margin')).toContainText('Target 25%')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="kpi_short"]')).toContainText('Margin is at 20% against a target of 25%')

  // The renewal action the alert asks for quiets the renewal rule.
  await page.getByTestId('renewal-plan').click()
  // suggested: the contract named, due a month before the renewal
  await expect(field(page, 'action-title')).toHaveValue(/^Renew global contract/)
  await expect(page.getByTestId('action-due-picker').locator('input')).toHaveValue(inDays(30))
  await field(page, 'action-title').fill('Open renewal talks')
  await page.getByTestId('action-save').click()
  await expect(page.getByTestId('renewal-alert')).toContainText('A renewal action is planned')
  await expect(page.getByTestId('renewal-alert')).not.toContainText('time to act')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="renewal_urgent"]')).toHaveCount(0)
  await expect(page.getByTestId('program-health-badge')).toHaveAttribute('data-level', 'red')

  // Drop a country mid-year: its row and Q1 figures stay; it no longer counts as a country.
  const dropped = codes[codes.length - 1]!
  await page.locator(`[data-testid="country-row"][data-country="${dropped}"]`).getByTestId('country-menu').click()
  await page.getByTestId('country-drop').click()
  // the day it left: today unless recorded late
  await expect(page.getByTestId('country-drop-on').locator('input')).toHaveValue(inDays(0))
  await shot(page, 'programs-drop-en')
  await page.locator('.n-dialog').getByRole('button', { name: 'Drop' }).click()
  await expect(page.locator(`[data-testid="country-row"][data-country="${dropped}"]`)).toContainText('Dropped')
  await expect(page.getByTestId('rollup-total')).toContainText(`${pct}%`)
  await expect(page.getByTestId('rollup-total').locator('td').nth(1)).toHaveText(String(codes.length - 1))

  await page.getByTestId('program-group').scrollIntoViewIfNeeded()
  await shot(page, 'programs-group-en')
  await page.getByTestId('program-rollups').scrollIntoViewIfNeeded()
  await shot(page, 'programs-rollups-en')

  // The Programs page lists it, red, with its renewal and overdue milestone.
  await page.goto(`${server!.url}#/programs`)
  await page.getByTestId('program-search').locator('input').fill(name)
  await expect(page.getByTestId('program-row')).toHaveCount(1)
  await expect(page.getByTestId('program-health').first()).toHaveAttribute('data-level', 'red')
  await expect(page.getByTestId('program-overdue').first()).toHaveText('1')
  await expect(page.getByTestId('program-renewal').first()).toContainText('in 60 days')

  // In Chinese.
  await page.goto(`${server!.url}#/settings`)
  await page.getByTestId('settings-language').getByText('简体中文').click()
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByRole('heading', { name: '全球大客户项目' })).toBeVisible()
  await expect(page.getByTestId('program-row').first()).toBeVisible()
  await shot(page, 'programs-list-zh')
  await page.getByTestId('program-search').locator('input').fill(name)
  await expect(page.getByTestId('program-row')).toHaveCount(1)
  await page.getByTestId('program-row').first().click()
  await expect(page.getByTestId('renewal-alert')).toContainText('已安排续约行动')
  await expect(page.locator('[data-testid="program-findings"] li[data-rule="revenue_red"]')).toContainText('低于 80%')
  await shot(page, 'programs-view-zh')
  await page.getByTestId('program-rollups').scrollIntoViewIfNeeded()
  await shot(page, 'programs-rollups-zh')

  await page.goto(`${server!.url}#/settings?section=programs`)
  await expect(page.getByTestId('program-settings')).toBeVisible()
  await shot(page, 'programs-settings-zh')

  // The dark theme.
  await page.goto(`${server!.url}#/settings`)
  await page.getByTestId('settings-theme').getByText('深色').click()
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByTestId('program-row').first()).toBeVisible()
  await page.getByTestId('program-search').locator('input').fill(name)
  await expect(page.getByTestId('program-row')).toHaveCount(1)
  await page.getByTestId('program-row').first().click()
  await expect(page.getByTestId('program-health-badge')).toBeVisible()
  await shot(page, 'programs-view-zh-dark')
  await page.getByTestId('program-rollups').scrollIntoViewIfNeeded()
  await shot(page, 'programs-rollups-zh-dark')
  // And back in English, still dark.
  await page.goto(`${server!.url}#/settings`)
  await page.getByTestId('settings-language').getByText('English').click()
  await page.goto(`${server!.url}#/programs`)
  await expect(page.getByRole('heading', { name: 'Global account programs' })).toBeVisible()
  await shot(page, 'programs-list-en-dark')
})
