// Choosing and tiering key accounts, end to end: on the sample portfolio,
// score two accounts from the UI and see them move quadrant, retier one,
// read the Pareto, pyramid and lifetime-value views, and open the dashboard
// in both languages. A second test measures the matrix's frame time with
// 2,000 bubbles while the pointer hovers and pans across it.
import { test, expect, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Server } from './server'
import { shot, useLanguage } from './helpers'

test.describe.configure({ mode: 'serial' })

/** Writes a generated portfolio into a fresh data folder. */
function demo(size: 's' | 'l'): string {
  const dir = mkdtempSync(join(tmpdir(), `keystone-e2e-portfolio-${size}-`))
  execFileSync(process.env.KEYSTONE_BIN!, ['demo', '--data', dir, '--size', size], { stdio: 'pipe', timeout: 300_000 })
  return dir
}

/** Opens an account's portfolio drawer from the Pareto ranking (names are plain links there). */
async function openFromRanking(page: Page, nth: number): Promise<string> {
  await page.getByTestId('portfolio-tab-pareto').click()
  const row = page.getByTestId('pareto-row').nth(nth)
  const link = row.locator('a.acct')
  const name = (await link.textContent())?.trim() ?? ''
  await link.click()
  await expect(page.getByTestId('portfolio-drawer')).toBeVisible()
  return name
}

/** Scores every criterion `value` in the open drawer's score form; Enter saves. */
async function scoreAll(page: Page, value: number) {
  await page.getByTestId('drawer-score').click()
  const form = page.locator('.n-drawer').filter({ has: page.getByTestId('score-save') })
  await expect(form.getByTestId('score-preview')).toBeVisible()
  const inputs = form.locator('[data-testid="score-attractiveness"] .n-input-number input, [data-testid="score-strength"] .n-input-number input')
  await expect(inputs).toHaveCount(12)
  for (let i = 0; i < 12; i++) {
    await inputs.nth(i).fill(String(value))
  }
  await form.getByTestId('score-note-future_revenue').locator('input').fill('新预算已批复 · budget approved')
  await inputs.nth(11).press('Enter')
  await expect(form.getByTestId('score-save')).toBeHidden()
}

async function quadrantCount(page: Page, q: string): Promise<number> {
  const text = await page.locator(`[data-testid="quadrant-count"][data-quadrant="${q}"] b`).textContent()
  return Number((text ?? '0').replace(/\D/g, ''))
}

test.describe('portfolio on the sample', () => {
  let dataDir = ''
  let server: Server | undefined

  test.beforeAll(async () => {
    dataDir = demo('s')
    server = await startServer(dataDir)
  })

  test.afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('score two accounts, see them move quadrant, retier one, open the dashboard in both languages', async ({ page }) => {
    const url = server!.url
    await page.goto(`${url}#/portfolio`)
    await expect(page.getByTestId('matrix-chart')).toBeVisible()
    await expect(page.getByTestId('key-accounts-count')).toBeVisible()
    await page.waitForTimeout(600) // the chart's entry animation
    await shot(page, 'portfolio-matrix')
    const strategicBefore = await quadrantCount(page, 'strategic')
    const streamlineBefore = await quadrantCount(page, 'streamline')

    // The largest account: scored all 2s it drops to Streamline.
    const first = await openFromRanking(page, 0)
    expect(first).not.toBe('')
    await scoreAll(page, 2)
    await expect(page.getByTestId('drawer-quadrant')).toHaveAttribute('data-quadrant', 'streamline')
    await expect(page.getByTestId('history-card').first()).toContainText(/Streamline/)
    await shot(page, 'portfolio-drawer-scored')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('portfolio-drawer')).toBeHidden()

    // The tenth: all 9s makes it Strategic.
    const second = await openFromRanking(page, 9)
    await scoreAll(page, 9)
    await expect(page.getByTestId('drawer-quadrant')).toHaveAttribute('data-quadrant', 'strategic')
    await expect(page.getByTestId('drawer-tier-current')).toContainText('Strategic key account')

    // Retier it by hand, then see the tier hold.
    await page.getByTestId('drawer-tier-select').click()
    await page.locator('.n-base-select-option').filter({ hasText: 'Development account' }).click()
    await page.getByTestId('drawer-tier-reason').locator('input').fill('预算冻结，明年再议')
    await page.getByTestId('drawer-tier-save').click()
    await expect(page.getByTestId('drawer-tier-current')).toContainText('Development account')
    await expect(page.getByTestId('drawer-tier-current')).toContainText('set by hand')
    await shot(page, 'portfolio-drawer-retiered')
    await page.keyboard.press('Escape')

    // On the matrix: both moved.
    await page.getByTestId('portfolio-tab-matrix').click()
    await expect(page.getByTestId('matrix-chart')).toBeVisible()
    await expect.poll(() => quadrantCount(page, 'streamline')).toBeGreaterThanOrEqual(streamlineBefore)
    const strategicAfter = await quadrantCount(page, 'strategic')
    const streamlineAfter = await quadrantCount(page, 'streamline')
    expect(strategicAfter + streamlineAfter).toBeGreaterThan(strategicBefore + streamlineBefore - 1)
    // The second view: attractiveness against vulnerability, defence first at the top right.
    await page.getByTestId('plane-vulnerability').click()
    await expect(page.getByTestId('defence-chart')).toBeVisible()
    await expect(page.getByTestId('defence-count')).toHaveCount(4)
    const placed = await page.getByTestId('defence-count').locator('b').allInnerTexts()
    expect(placed.reduce((n, x) => n + Number(x.replace(/\D/g, '')), 0)).toBeGreaterThan(0)
    await shot(page, 'portfolio-vulnerability')
    await page.getByTestId('plane-strength').click()
    await expect(page.getByTestId('by-defence')).toBeHidden()
    // the retiered account counts in its tier when filtered by it
    await page.getByTestId('filter-tier').click()
    await page.locator('.n-base-select-option').filter({ hasText: 'Development account' }).click()
    await expect(page).toHaveURL(/tier=develop/)
    await page.getByTestId('portfolio-tab-pareto').click()
    await expect(page.getByTestId('pareto-row').filter({ hasText: second })).toHaveCount(1)
    await page.getByTestId('filter-clear').click()
    await expect(page).not.toHaveURL(/tier=/)

    // The other views.
    await expect(page.getByTestId('pareto-class')).toHaveCount(3)
    await page.waitForTimeout(500)
    await shot(page, 'portfolio-pareto')
    await page.getByTestId('portfolio-tab-pyramid').click()
    await expect(page.getByTestId('pyramid-graphic')).toBeVisible()
    await expect(page.getByTestId('pyramid-row')).toHaveCount(4)
    await shot(page, 'portfolio-pyramid')
    await page.getByTestId('portfolio-tab-values').click()
    await expect(page.getByTestId('clv-formula')).toContainText('CLV = m·r / (1 + i − r) − AC')
    await expect(page.getByTestId('value-class')).toHaveCount(4)
    await page.waitForTimeout(500)
    await shot(page, 'portfolio-values')

    // Export: the browser downloads the workbook.
    const download = page.waitForEvent('download')
    await page.getByTestId('portfolio-export').click()
    expect((await download).suggestedFilename()).toMatch(/^portfolio-\d{4}\.xlsx$/)

    // Settings section.
    await page.goto(`${url}#/settings?section=portfolio`)
    await expect(page.getByTestId('settings-attractiveness-sum')).toHaveText(/100/)
    await shot(page, 'portfolio-settings')

    // The dashboard, in English then Chinese.
    await page.goto(`${url}#/`)
    await expect(page.getByTestId('dashboard-kpis')).toBeVisible()
    await expect(page.getByTestId('tile-revenue')).toBeVisible()
    await expect(page.getByTestId('dashboard-matrix').getByTestId('matrix-chart')).toBeVisible()
    await expect(page.getByTestId('dashboard-pareto').getByTestId('pareto-chart')).toBeVisible()
    await page.waitForTimeout(600)
    await shot(page, 'dashboard-en')
    await page.getByTestId('tile-key-accounts').click()
    await expect(page).toHaveURL(/#\/portfolio/)
    await page.goto(`${url}#/`)

    await useLanguage(page, 'zh-CN')
    await expect(page.getByRole('heading', { name: '仪表盘' })).toBeVisible()
    await expect(page.getByTestId('tile-revenue')).toContainText('销售收入')
    await page.waitForTimeout(600)
    await shot(page, 'dashboard-zh')
    await page.getByTestId('theme-switch').click()
    await page.waitForTimeout(400)
    await shot(page, 'dashboard-zh-dark')

    await page.goto(`${url}#/portfolio`)
    await expect(page.getByTestId('matrix-chart')).toBeVisible()
    await expect(page.getByTestId('portfolio-tab-matrix')).toContainText('组合矩阵')
    await page.waitForTimeout(600)
    await shot(page, 'portfolio-matrix-zh-dark')
    await page.getByTestId('plane-vulnerability').click()
    await expect(page.getByTestId('defence-count').first()).toContainText('优先防守')
    await shot(page, 'portfolio-vulnerability-zh-dark')
    await page.getByTestId('theme-switch').click()
    await page.getByTestId('portfolio-tab-values').click()
    await expect(page.getByTestId('value-class').first()).toBeVisible()
    await page.waitForTimeout(500)
    await shot(page, 'portfolio-values-zh')
  })
})

test.describe('matrix with 2,000 bubbles', () => {
  let dataDir = ''
  let server: Server | undefined

  test.afterAll(async () => {
    await server?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('frame time while hovering and panning', async ({ page }) => {
    test.setTimeout(600_000)
    dataDir = demo('l')
    server = await startServer(dataDir)
    await page.goto(`${server.url}#/portfolio`)
    const chart = page.getByTestId('matrix-chart')
    await expect(chart).toBeVisible({ timeout: 60_000 })
    const points = await page.getByTestId('key-accounts').isVisible()
    expect(points).toBe(true)
    await page.waitForTimeout(1500)
    await shot(page, 'portfolio-matrix-2000')
    const box = (await chart.boundingBox())!

    // the idle frame time first: a baseline for this machine and its load
    const idle = await page.evaluate(() => new Promise<number[]>((resolve) => {
      const out: number[] = []
      let last = performance.now()
      const tick = (now: number) => {
        out.push(now - last)
        last = now
        if (out.length < 90) requestAnimationFrame(tick)
        else resolve(out.slice(1))
      }
      requestAnimationFrame(tick)
    }))
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

    // sample frame times in the page while the pointer works the chart
    await page.evaluate(() => {
      const w = window as unknown as { __frames: [string, number][]; __sampling: boolean; __phase: string }
      w.__frames = []
      w.__sampling = true
      w.__phase = 'hover'
      let last = performance.now()
      const tick = (now: number) => {
        w.__frames.push([w.__phase, now - last])
        last = now
        if (w.__sampling) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    const x0 = box.x + box.width * 0.12
    const x1 = box.x + box.width * 0.92
    const y0 = box.y + box.height * 0.15
    const y1 = box.y + box.height * 0.85
    // hover sweeps
    for (let pass = 0; pass < 3; pass++) {
      const steps = 120
      for (let s = 0; s <= steps; s++) {
        const f = s / steps
        await page.mouse.move(x0 + (x1 - x0) * f, y0 + (y1 - y0) * ((f * 3 + pass / 3) % 1))
      }
    }
    // pan: drag inside the grid, back and forth
    const phase = (name: string) => page.evaluate((n) => { (window as unknown as { __phase: string }).__phase = n }, name)
    await phase('pan')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    for (let s = 0; s <= 90; s++) {
      const f = Math.sin((s / 90) * Math.PI * 2)
      await page.mouse.move(box.x + box.width / 2 + f * box.width * 0.2, box.y + box.height / 2 + f * box.height * 0.1)
    }
    await page.mouse.up()
    // zoom in and out with the wheel
    await phase('zoom')
    for (let s = 0; s < 10; s++) await page.mouse.wheel(0, s < 5 ? -120 : 120)
    await page.waitForTimeout(300)

    const tagged = await page.evaluate(() => {
      const w = window as unknown as { __frames: [string, number][]; __sampling: boolean }
      w.__sampling = false
      return w.__frames.slice(1)
    })
    const frames = tagged.map(([, ms]) => ms)
    const sorted = [...frames].sort((a, b) => a - b)
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
    for (const name of ['hover', 'pan', 'zoom']) {
      const xs = tagged.filter(([p]) => p === name).map(([, ms]) => ms).sort((a, b) => a - b)
      const at = (p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0
      console.log(`  ${name}: ${xs.length} frames, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`)
    }
    const bubbles = await page.evaluate(async () => {
      const go = (window as unknown as { go: { app: { PortfolioService: { Matrix: (f: unknown) => Promise<{ points: { scored: boolean }[] }> } } } }).go
      const m = await go.app.PortfolioService.Matrix({ year: 0, owner: '', segment: '', tier: '' })
      return m.points.filter((p) => p.scored).length
    })
    console.log(`matrix frame time with ${bubbles} bubbles over ${frames.length} frames: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms; idle baseline median ${median(idle).toFixed(1)} ms`)
    await shot(page, 'portfolio-matrix-2000-panned')
    expect(frames.length).toBeGreaterThan(30)
  })
})
