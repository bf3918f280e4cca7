/**
 * A one-line progress display on a terminal: rows, rows per second and, from the bytes read of the
 * file's size, the share done and the time left. Redrawn at most ten times a second.
 */
export function createProgressBar(size: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now()
  let drawn = 0
  const draw = (rows: number, bytes: number, force = false) => {
    const now = Date.now()
    if (!force && now - drawn < 100) return
    drawn = now
    const seconds = Math.max((now - started) / 1000, 0.001)
    const rate = Math.round(rows / seconds)
    const share = size > 0 ? Math.min(bytes / size, 1) : 0
    const eta = share > 0 ? Math.max(0, Math.round(seconds / share - seconds)) : undefined
    const width = 24
    const filled = Math.round(share * width)
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
    const line = `${bar} ${Math.round(share * 100)}% ${rows.toLocaleString('en')} rows ${rate.toLocaleString('en')} rows/s${eta === undefined ? '' : ` ETA ${eta}s`}`
    stream.write(`\r${line}\u001b[K`)
  }
  return {
    update: ({ rows, bytes }: { rows: number; bytes: number }) => draw(rows, bytes),
    done: (rows: number) => {
      draw(rows, size, true)
      stream.write('\n')
    },
  }
}
