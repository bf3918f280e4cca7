import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost, type Host } from '@cxkit/core'
import { type CxDatabase, createWorkspace, insertStages, insertTouchpoints, migrate, openDatabase } from '@cxkit/db'
import { defaultStageModel } from '@cxkit/core'
import { npsPlugin } from '@cxkit/plugin-nps'
import { surveysPlugin } from '@cxkit/plugin-surveys'

export const benchWorkspace = 'bench'
export const benchTouchpoints = Array.from({ length: 10 }, (_, i) => `touchpoint-${i + 1}`)

export interface BenchDatabase {
  database: CxDatabase
  host: Host
  file: string
  dispose(): Promise<void>
}

/**
 * A fresh SQLite file (WAL, as the app runs it) with the survey tables, a workspace, ten touchpoints
 * and an active one-question NPS survey.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'cxkit-bench-'))
  const file = join(dir, 'bench.db')
  const database = await openDatabase(`sqlite:${file}`)
  const host = createHost([surveysPlugin(), npsPlugin()])
  await migrate(database, host)
  await createWorkspace(database, { id: benchWorkspace, name: 'Bench', locale: 'en' })
  await insertStages(database, benchWorkspace, defaultStageModel)
  await insertTouchpoints(
    database,
    benchWorkspace,
    benchTouchpoints.map((id, i) => ({
      id,
      name: id,
      stageId: defaultStageModel.stages[i % 6]!.id,
      channel: 'website' as const,
    })),
  )
  const now = new Date().toISOString()
  await database.db
    .insertInto('surveys_surveys' as never)
    .values({
      workspace_id: benchWorkspace,
      id: 'nps',
      name: 'NPS',
      kind: 'relational',
      touchpoint_id: null,
      stage_id: null,
      status: 'active',
      definition: JSON.stringify({
        locales: ['en'],
        questions: [{ id: 'recommend', type: 'nps', required: true, config: {}, text: { en: 'Recommend?' } }],
      }),
      contact_rule_days: 0,
      public_token: `bench-${Date.now()}`,
      created_at: now,
      updated_at: now,
    } as never)
    .execute()
  return {
    database,
    host,
    file,
    async dispose() {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
