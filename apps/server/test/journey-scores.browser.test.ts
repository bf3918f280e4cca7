import { type CxDatabase, openDatabase } from '@cxkit/db'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('journey scores browser test')
const workspace = 'journey-scores'

describe.skipIf(!executablePath)('the journey heatmap and pain points in a browser', () => {
  let app: BundledApp
  let browser: Browser
  let database: CxDatabase
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`)
  }

  beforeAll(async () => {
    await post('/api/workspaces', { id: workspace, name: 'Journey scores' })
    // Core has no touchpoint API yet: the touchpoints go straight into the app's database file.
    database = await openDatabase(app.databaseUrl)
    await database.db
      .insertInto('touchpoints')
      .values(
        [
          ['checkout', 'purchase', 'website'],
          ['store', 'purchase', 'on-site'],
          ['tracking', 'delivery', 'e-mail'],
        ].map(([id, stage, channel]) => ({
          workspace_id: workspace,
          id: id!,
          name: id!,
          stage_id: stage!,
          channel: channel!,
          kind: null,
          owner_team: null,
          description: null,
        })),
      )
      .execute()
    await post(`/api/surveys/surveys?workspace=${workspace}`, {
      id: 'csat-after-visit',
      name: 'CSAT after a visit',
      kind: 'transactional',
      status: 'active',
      locales: ['en', 'nl'],
      questions: [{ id: 'score', type: 'csat', text: { en: 'Satisfied?', nl: 'Tevreden?' }, config: {} }],
    })
    const yesterday = new Date(Date.now() - 86_400_000).toISOString()
    const answers = (touchpointId: string, scores: number[]) =>
      Array.from({ length: 30 }, (_, index) => ({
        surveyId: 'csat-after-visit',
        touchpointId,
        submittedAt: yesterday,
        channel: 'api',
        locale: 'en',
        answers: [{ questionId: 'score', value: scores[index % scores.length] }],
      }))
    await post('/api/surveys/responses', {
      workspace,
      responses: [...answers('checkout', [1, 2, 3]), ...answers('tracking', [4, 5])],
    })
  })
  afterAll(async () => {
    await database?.close()
  })

  it('shows a touchpoint without answers with n = 0 and the worst touchpoint on top of the pain points', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.url)
    await page.locator('cx-app select[name=workspace]').selectOption(workspace)

    const heatmap = page.locator('cx-journey-heatmap-panel')
    await heatmap.locator('select[name=metric]').selectOption('csat-mean')
    const store = heatmap.locator('tr[data-touchpoint=store] td.score')
    await expect.poll(() => store.getAttribute('data-n'), { timeout: 10_000 }).toBe('0')
    expect(await store.textContent()).toContain('n = 0')
    const checkout = heatmap.locator('tr[data-touchpoint=checkout] td.score')
    await expect.poll(() => checkout.getAttribute('data-n')).toBe('30')
    expect(await checkout.locator('.value').textContent()).toBe('2.0')
    // Coloured from the worst touchpoint (checkout) to the best (tracking).
    expect(await checkout.getAttribute('class')).toContain('g0')
    expect(await heatmap.locator('tr[data-touchpoint=tracking] td.score').getAttribute('class')).toContain('g4')
    // The stage columns come in the workspace's order, purchase before delivery.
    const stages = await heatmap
      .locator('thead th[data-stage]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-stage')))
    expect(stages.indexOf('purchase')).toBeLessThan(stages.indexOf('delivery'))

    const top = page.locator('cx-journey-pain-points-panel li').first()
    await expect.poll(() => top.getAttribute('data-touchpoint'), { timeout: 10_000 }).toBe('checkout')
    expect(await top.locator('.why').textContent()).toMatch(/n = 30, 95% CI .+ for the workspace; 30 answers/)

    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => top.locator('.why').textContent()).toContain('voor de werkruimte')
    await expect.poll(() => store.textContent()).toContain('geen antwoorden')
    expect(errors).toEqual([])
    await page.close()
  })
})
