// The living account plan and the one list of actions, end to end: write a
// plan, turn a goal into an action, find it (and an activity's follow-up) in
// My actions, complete one, roll the plan forward.
import { test, expect } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { field, shot } from './helpers'

const ACCOUNT = '宁波甬联新材料股份有限公司'
const FOCUS = '从单一材料供应商升级为联合研发伙伴'
const GOAL = '2026 年销售收入达到 800 万'
const TASK = '安排双方研发负责人技术交流'

let dataDir = ''
let server: Server | undefined

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keystone-e2e-plan-'))
  server = await startServer(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test('write a plan, act on it in My actions, roll it forward', async ({ page }) => {
  const year = new Date().getFullYear()
  await page.goto(`${server!.url}#/accounts`)
  await page.getByTestId('load-sample').click()
  await expect(page.getByTestId('account-row')).toHaveCount(24)

  // A new account, owned by a manager whose actions we then look at.
  await page.getByTestId('new-account').first().click()
  await field(page, 'account-name').fill(ACCOUNT)
  await field(page, 'account-owner').fill('赵磊')
  await page.getByTestId('account-save').click()
  await expect(page.getByRole('heading', { name: ACCOUNT })).toBeVisible()

  // Write the plan: strategic focus and one measurable goal.
  await page.getByTestId('tab-plan').click()
  await page.getByTestId('plan-create').click()
  await field(page, 'plan-strategic-focus').fill(FOCUS)
  await page.getByTestId('plan-add-goal').click()
  await field(page, 'goal-title').fill(GOAL)
  await field(page, 'goal-target').fill('8000000')
  await page.getByTestId('plan-save').click()
  await expect(page.getByText(GOAL)).toBeVisible()
  await expect(page.getByTestId('plan-completeness')).toBeVisible()
  await shot(page, '10-plan')

  // Turn the goal into an action.
  await page.getByTestId('goal-add-action').first().click()
  await field(page, 'action-title').fill(TASK)
  await page.getByTestId('action-save').click()
  await expect(page.getByText(TASK)).toBeVisible()

  // My actions: our task, and follow-ups made by the activities area.
  await page.getByTestId('nav-actions').click()
  const ours = page.getByTestId('action-row').filter({ hasText: TASK })
  await expect(ours).toBeVisible()
  const fromActivities = page.getByTestId('action-row').filter({ hasText: /拜访跟进|Visit follow-up|Activity follow-up|Follow-up/ })
  await expect(fromActivities.first()).toBeVisible()
  await expect(page.getByTestId('nav-actions-badge')).toBeVisible()
  await shot(page, '11-my-actions')

  // Complete ours: ticked at once, and gone from the open list once it reloads.
  const saved = page.waitForResponse((r) => r.url().includes('/api/ActionService/SetStatus') && r.ok())
  await ours.getByTestId('action-done').click()
  await saved
  await shot(page, '12-my-actions-ticked')
  await page.reload()
  await expect(page.getByTestId('action-row').first()).toBeVisible()
  await expect(page.getByTestId('action-row').filter({ hasText: TASK })).toHaveCount(0)

  // Roll the plan forward: next year's plan opens, this year's is history.
  await page.goto(`${server!.url}#/accounts`)
  await field(page, 'account-search').fill('甬联')
  await expect(page.getByTestId('account-row')).toHaveCount(1)
  await page.getByTestId('account-row').first().click()
  await page.getByTestId('tab-plan').click()
  await expect(page.getByText(FOCUS)).toBeVisible()
  await page.getByTestId('plan-roll-forward').click()
  await page.getByTestId('plan-roll-confirm').click()
  await expect(page).toHaveURL(new RegExp(`year=${year + 1}`))
  await expect(page.getByText(FOCUS)).toBeVisible()
  await shot(page, '13-plan-rolled-forward')
  await page.getByTestId('plan-compare').click()
  await expect(page.getByText(GOAL).first()).toBeVisible()
  await page.waitForTimeout(500) // let the dialog finish fading in for the screenshot
  await shot(page, '14-plan-compare')
})
