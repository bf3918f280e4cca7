import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { clvFitBench } from './clv-fit-bench.js'
import { customersImportBench } from './customers-import-bench.js'
import { ingestBench } from './ingest-bench.js'
import { journeyFunnelBench } from './journey-funnel-bench.js'
import { loadBench } from './load-bench.js'
import { npsQueryBench } from './nps-query-bench.js'

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url))
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length }
const only = process.argv[2]

const benches = {
  ingest: ingestBench,
  'nps-query': npsQueryBench,
  load: loadBench,
  'customers-import': customersImportBench,
  // `pnpm bench journey-funnel --scale 0.01` runs it at a hundredth of its size.
  'journey-funnel': () => journeyFunnelBench(process.argv),
  // `pnpm bench clv-fit --scale 0.01` runs the large part at a hundredth of its size.
  'clv-fit': () => clvFitBench(process.argv),
}
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue
  process.stdout.write(`running ${name}…\n`)
  // Other work on the machine shows in every figure: the 1-minute load average when the bench ended says how much.
  const result = { ...(await run()), machine, ranAt: new Date().toISOString(), loadAverage: loadavg()[0] }
  writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify(result, null, 2)}\n`)
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}

// One readable page of the latest figures of every benchmark.
const lines = ['# Benchmark results', '', 'Written by `pnpm bench`; each figure is from the run named beside it.', '']
for (const name of Object.keys(benches)) {
  const file = `${resultsDir}${name}.json`
  if (!existsSync(file)) continue
  const result = JSON.parse(readFileSync(file, 'utf8'))
  lines.push(`## ${name} — ${result.met ? 'target met' : 'target not met'}`, '', result.description, '')
  for (const [key, value] of Object.entries(result)) {
    if (['name', 'description', 'machine', 'met'].includes(key)) continue
    lines.push(`- ${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`)
  }
  lines.push(`- machine: ${result.machine.cpu}, ${result.machine.cores} cores, Node ${result.machine.node}`, '')
}
writeFileSync(`${resultsDir}README.md`, `${lines.join('\n')}\n`)
