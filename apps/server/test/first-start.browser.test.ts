import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('first-start browser test')

describe.skipIf(!executablePath)('a new install in a browser (no demo data)', () => {
  let app: BundledApp
  let browser: Browser
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started), { CXKIT_DEMO: '0' })

  const workspacesOfApi = async () =>
    (await (await fetch(`${app.url}/api/workspaces`)).json()) as { id: string; name: string; locale: string }[]

  it('creates the first workspace from the first-start screen, opens it, then renames and deletes it', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    // The app's Content-Security-Policy must let the forms work: a blocked request or style fails the test.
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text())
    })
    expect(await workspacesOfApi()).toEqual([])
    await page.goto(app.url)

    const form = page.locator('cx-first-start cx-workspace-form')
    await form.locator('input[name=name]').fill('Café Zoë')
    // The id follows the name until it is edited.
    await expect.poll(() => form.locator('input[name=id]').inputValue()).toBe('cafe-zoe')
    await expect
      .poll(() => form.locator('select[name=stageModel] option').allTextContents())
      .toEqual([expect.stringMatching(/^default: Awareness → /), expect.stringMatching(/^subscription: Trial → /)])

    // The server's problem appears beside the field it names, and nothing is created.
    await form.locator('input[name=id]').fill('Not A Slug')
    await form.locator('button[type=submit]').click()
    await expect
      .poll(() => form.locator('#id-problem').textContent())
      .toBe('must be lower-case letters, digits and dashes')
    expect(await workspacesOfApi()).toEqual([])

    await form.locator('input[name=id]').fill('cafe-zoe')
    await form.locator('select[name=locale]').selectOption('nl')
    await form.locator('select[name=stageModel]').selectOption('subscription')
    await form.locator('button[type=submit]').click()

    // The dashboard opens the new workspace; the API lists it with its stages.
    const workspaceSwitch = page.locator('cx-app select[name=workspace]')
    await expect.poll(() => workspaceSwitch.inputValue()).toBe('cafe-zoe')
    expect(await page.locator('cx-first-start').count()).toBe(0)
    expect(await workspaceSwitch.locator('option:checked').textContent()).toBe('Café Zoë')
    expect(await workspacesOfApi()).toMatchObject([{ id: 'cafe-zoe', name: 'Café Zoë', locale: 'nl' }])
    const stages = (await (await fetch(`${app.url}/api/workspaces/cafe-zoe/stages`)).json()) as { id: string }[]
    expect(stages.map((stage) => stage.id)).toEqual(['trial', 'onboarding', 'adoption', 'renewal', 'advocacy'])

    // Rename it from its settings page.
    await page.locator('cx-app a.manage').click()
    const settings = page.locator('cx-workspace-settings-page')
    await settings.locator('section.rename input[name=name]').fill('Café Zoë Europe')
    await settings.locator('section.rename button[type=submit]').click()
    await expect.poll(() => workspaceSwitch.locator('option:checked').textContent()).toBe('Café Zoë Europe')
    expect((await workspacesOfApi())[0]?.name).toBe('Café Zoë Europe')

    // Deleting asks for the id; then the install is empty again and shows the first-start screen.
    const remove = settings.locator('section.delete button[type=submit]')
    expect(await remove.isDisabled()).toBe(true)
    await settings.locator('section.delete input[name=confirm]').fill('cafe-zoe')
    await remove.click()
    await page.locator('cx-first-start').waitFor()
    expect(await workspacesOfApi()).toEqual([])
    expect(errors).toEqual([])
  })
})
