import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CxDatabase, openDatabase } from '@cxkit/db'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor } from './bundled-app-in-browser.js'
import { chromiumArgs } from './find-chromium.js'
import { type BundledApp, startBundledApp } from './start-bundled-app.js'
import { watchPageErrors } from './watch-page-errors.js'

const executablePath = chromiumFor('import wizard browser test')

// Ids no demo customer has, so the test finds exactly what the wizard imported.
const customersCsv = [
  'Klantnummer;E-mail;Naam;Branche',
  'WIZ-1;anne.wizard@example.nl;Anne Wizard;retail',
  'WIZ-2;bram.wizard@example.nl;Bram Wizard;bouw',
  'WIZ-3;cato.wizard@example.nl;Cato Wizard;zorg',
  '',
].join('\n')

describe.skipIf(!executablePath)('the import wizard in a browser', () => {
  let app: BundledApp
  let browser: Browser
  let database: CxDatabase
  const uploadsDir = mkdtempSync(join(tmpdir(), 'cxkit-wizard-uploads-'))
  beforeAll(async () => {
    app = await startBundledApp({ CXKIT_UPLOADS_DIR: uploadsDir })
    browser = await chromium.launch({ executablePath, args: chromiumArgs })
    database = await openDatabase(app.databaseUrl)
  }, 90_000)
  afterAll(async () => {
    await database?.close()
    await browser?.close()
    await app?.stop()
    rmSync(uploadsDir, { recursive: true, force: true })
  })

  const imported = () =>
    database.db
      .selectFrom('customers')
      .select(['external_id', 'email', 'name', 'attributes'])
      .where('workspace_id', '=', 'demo')
      .where('external_id', 'like', 'WIZ-%')
      .orderBy('external_id')
      .execute()

  it('uploads a customers file, maps it, dry-runs and imports it, and the customers appear on the customers page', async () => {
    const page = await browser.newPage()
    // The app's Content-Security-Policy must let the wizard work: a blocked style or request fails the test.
    const errors = await watchPageErrors(page)
    await page.goto(`${app.url}/#/p/import`)
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    const wizard = page.locator('cx-import-page')

    await wizard.locator('cx-import-file-picker input[type=file]').setInputFiles({
      name: 'klanten.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customersCsv),
    })
    // What was detected, and the first rows.
    const preview = wizard.locator('cx-import-preview')
    await expect.poll(() => preview.locator('tbody tr').count(), { timeout: 20_000 }).toBe(3)
    expect(await preview.locator('select[name=separator]').inputValue()).toBe(';')
    expect(await preview.locator('tbody tr').first().textContent()).toContain('anne.wizard@example.nl')
    // Told another separator, the readers see one column; told the right one again, four.
    const columns = preview.locator('thead th')
    await preview.locator('select[name=separator]').selectOption(',')
    await preview.getByRole('button', { name: 'Read again' }).click()
    await expect.poll(() => columns.count()).toBe(2)
    await preview.locator('select[name=separator]').selectOption(';')
    await preview.getByRole('button', { name: 'Read again' }).click()
    await expect.poll(() => columns.count()).toBe(5)

    await wizard.getByRole('button', { name: 'Next' }).click()
    // The suggested mapping, one select per column.
    const mapping = wizard.locator('cx-import-mapping')
    expect(await mapping.locator('select[data-column="Klantnummer"]').inputValue()).toBe('external_id')
    expect(await mapping.locator('select[data-column="E-mail"]').inputValue()).toBe('email')
    await mapping.locator('select[data-column="Branche"]').selectOption('segment')

    await wizard.getByRole('button', { name: 'Dry run' }).click()
    await wizard.getByText('All 3 rows can be imported.').waitFor({ timeout: 20_000 })
    expect(await imported()).toEqual([])

    await wizard.getByRole('button', { name: 'Import', exact: true }).click()
    const inserted = wizard.locator('cx-import-report dd[data-count=inserted]')
    await inserted.waitFor({ timeout: 20_000 })
    expect(await inserted.textContent()).toBe('3')
    expect(await wizard.locator('cx-import-progress').count()).toBe(0)

    const rows = await imported()
    expect(rows.map((row) => [row.external_id, row.email, row.name])).toEqual([
      ['WIZ-1', 'anne.wizard@example.nl', 'Anne Wizard'],
      ['WIZ-2', 'bram.wizard@example.nl', 'Bram Wizard'],
      ['WIZ-3', 'cato.wizard@example.nl', 'Cato Wizard'],
    ])

    // The customers page finds them: a search for the file's ids lists exactly the three, by name.
    const customersPage = await browser.newPage()
    await customersPage.goto(`${app.url}/#/customers?q=wizard`)
    await customersPage.locator('cx-app select[name=workspace]').selectOption('demo')
    const listed = customersPage.locator('cx-customers-page tbody tr')
    await expect
      .poll(() => listed.allTextContents(), { timeout: 20_000 })
      .toEqual([
        expect.stringContaining('Anne Wizard'),
        expect.stringContaining('Bram Wizard'),
        expect.stringContaining('Cato Wizard'),
      ])
    await customersPage.close()

    // The import is listed, and undone from the list.
    const history = wizard.locator('cx-import-history')
    await expect.poll(() => history.locator('tbody tr').first().textContent()).toContain('klanten.csv')
    page.once('dialog', (dialog) => void dialog.accept())
    await history.getByRole('button', { name: 'Undo' }).first().click()
    await expect.poll(() => imported(), { timeout: 10_000 }).toEqual([])
    expect(errors).toEqual([])
  })

  it('shows a dry run’s problems with line, column and reason, and imports nothing', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.url}/#/p/import`)
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    const wizard = page.locator('cx-import-page')
    const broken = 'Klantnummer,E-mail\nWIZ-9,nine.wizard@example.nl\nWIZ-10,not-an-address\n'
    await wizard.locator('cx-import-file-picker input[type=file]').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(broken),
    })
    await wizard.getByRole('button', { name: 'Next' }).click({ timeout: 20_000 })
    await wizard.getByRole('button', { name: 'Dry run' }).click()
    const problem = wizard.locator('cx-import-problems tbody tr')
    await problem.first().waitFor({ timeout: 20_000 })
    expect(await problem.locator('td').allTextContents()).toEqual(['3', 'E-mail', expect.stringMatching(/e-?mail/i)])
    // With "import nothing" chosen, a file with a bad row cannot be imported.
    expect(await wizard.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true)
    expect(await imported()).toEqual([])
  })

  it('speaks Dutch when the dashboard does', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.url}/#/p/import`)
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await page.locator('cx-import-page h1').getByText('Importeren').waitFor({ timeout: 20_000 })
    expect(await page.locator('cx-import-file-picker label').textContent()).toContain('Kies een bestand')
    await page.locator('cx-import-file-picker input[type=file]').setInputFiles({
      name: 'klanten.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customersCsv),
    })
    const separator = page.locator('cx-import-preview select[name=separator]')
    await separator.waitFor({ timeout: 20_000 })
    expect(await separator.locator('option').allTextContents()).toEqual([
      ', (komma)',
      '; (puntkomma)',
      'tab',
      'spaties',
    ])
  })
})
