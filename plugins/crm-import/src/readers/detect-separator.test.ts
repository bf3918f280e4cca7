import { describe, expect, it } from 'vitest'
import { detectEncoding } from './detect-encoding.js'
import { detectSeparator } from './detect-separator.js'

describe('detectSeparator', () => {
  it('counts separators of the first record only, outside quotes', () => {
    expect(detectSeparator('a,b,c\n1;2;3;4;5\n')).toBe(',')
    expect(detectSeparator('"a;b";"c,d,e"\r\n')).toBe(';')
    expect(detectSeparator('a\tb\tc,d\n')).toBe('\t')
    expect(detectSeparator('"multi\nline, header";x;y\n')).toBe(';')
    expect(detectSeparator('single\n')).toBe(',')
  })
})

describe('detectEncoding', () => {
  it('reads a BOM or valid UTF-8 as UTF-8, anything else as Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\uFEFFabc'), true)).toBe('utf-8')
    expect(detectEncoding(Buffer.from('Zoë'), true)).toBe('utf-8')
    // A head cut from a longer file inside a two-byte character is still UTF-8; a whole file so cut is not.
    expect(detectEncoding(Buffer.from('Zoë').subarray(0, 3), false)).toBe('utf-8')
    expect(detectEncoding(Buffer.from([0x5a, 0x6f, 0xeb]), true)).toBe('windows-1252')
    expect(detectEncoding(Buffer.from([0x80, 0x20, 0x31]), false)).toBe('windows-1252')
  })
})
