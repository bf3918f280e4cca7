import { describe, expect, it } from 'vitest'
import { buildMapSvg, wrapText } from './map-svg.js'

describe('the journey map as SVG', () => {
  it('wraps text at spaces and cuts words longer than a line', () => {
    expect(wrapText('Checkout asks for an account', 12)).toEqual(['Checkout', 'asks for an', 'account'])
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
    expect(wrapText('  ', 4)).toEqual([])
  })

  it('draws stages, escaped items, touchpoints and an emotion line broken where a stage is not judged', () => {
    const blank = { actions: [], motivations: [], questions: [], painPoints: [], touchpointOrder: [] }
    const svg = buildMapSvg({
      title: 'Starter <beta>',
      stages: [
        { id: 'a', label: 'Awareness' },
        { id: 'b', label: 'Purchase' },
        { id: 'c', label: 'Delivery' },
        { id: 'd', label: 'Retention' },
      ],
      content: [
        { ...blank, stageId: 'a', emotion: 2, actions: ['Reads "reviews" & compares'] },
        { ...blank, stageId: 'b', emotion: -1 },
        { ...blank, stageId: 'c', emotion: null },
        { ...blank, stageId: 'd', emotion: 0 },
      ],
      touchpoints: [
        { id: 'web', name: 'Web shop', stageId: 'b', channel: 'website', ownerTeam: 'E-com', description: null },
      ],
      laneLabel: (lane) => `[${lane}]`,
      channelLabel: (channel) => channel.toUpperCase(),
    })
    // vitest runs in Node, without a DOM: count the tags in the markup.
    const count = (tag: string) => svg.split(tag).length - 1
    expect(count('<svg ')).toBe(1)
    expect(svg).toContain('Starter &lt;beta&gt;')
    expect(svg).toContain('• Reads &quot;reviews&quot; &amp;')
    expect(svg).toContain('Web shop (WEBSITE, E-com)')
    for (const label of [
      'Awareness',
      'Purchase',
      'Delivery',
      'Retention',
      '[painPoints]',
      '[emotion]',
      '[touchpoints]',
    ])
      expect(svg).toContain(label)
    // Awareness and Purchase are joined; Delivery is not judged, so Retention stands alone.
    expect(count('<polyline')).toBe(1)
    expect(count('<circle')).toBe(3)
    const [from, to] = svg
      .match(/points="([^"]+)"/)![1]!
      .split(' ')
      .map((point) => Number(point.split(',')[1]))
    expect(from).toBeLessThan(to!) // +2 is drawn above −1
  })

  it('leaves out characters XML forbids, so a pasted control character cannot break the export', () => {
    const blank = { actions: [], motivations: [], questions: [], painPoints: [], touchpointOrder: [] }
    const svg = buildMapSvg({
      title: 'Bell\u0007 map',
      subtitle: 'Form\u000cfeed',
      stages: [{ id: 'a', label: 'Aware\u001bness' }],
      content: [{ ...blank, stageId: 'a', emotion: null, questions: ['Why\u0001 so\uffff slow?'] }],
      touchpoints: [],
      laneLabel: (lane) => lane,
      channelLabel: (channel) => channel,
    })
    // XML 1.0 allows tab, line feed, carriage return and U+0020 upwards, except U+FFFE and U+FFFF.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
    expect(svg).toContain('Bell map')
    expect(svg).toContain('Awareness')
    expect(svg).toContain('• Why so slow?')
  })
})
