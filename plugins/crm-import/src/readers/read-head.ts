import { open } from 'node:fs/promises'
import { readLimits } from './read-limits.js'

/**
 * The first bytes of a file, to detect its format, encoding and separator before streaming it.
 *
 * @example
 * const head = await readHead('contacts.csv')
 */
export async function readHead(file: string, bytes: number = readLimits.headBytes): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
