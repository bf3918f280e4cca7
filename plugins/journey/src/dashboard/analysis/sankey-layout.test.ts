import { describe, expect, it } from 'vitest'
import { toSankey } from '../../paths/to-sankey.js'
import { layoutSankey } from './sankey-layout.js'

describe('the paths Sankey layout', () => {
  const names = new Map([
    ['ad', 'Ad'],
    ['visit', 'Visit'],
    ['checkout', 'Checkout'],
  ])
  const sankey = toSankey(
    [
      { touchpoints: ['ad', 'visit', 'checkout'], customers: 30 },
      { touchpoints: ['ad', 'checkout'], customers: 10 },
    ],
    names,
  )

  it('places each position of the path in its own column, nodes as tall as their customers', () => {
    const { nodes, links } = layoutSankey(sankey, 600, 300)
    const byId = new Map(nodes.map((node) => [node.id, node]))
    expect(byId.get('1:ad')!.value).toBe(40)
    expect(byId.get('1:ad')!.x0).toBeLessThan(byId.get('2:visit')!.x0)
    expect(byId.get('2:visit')!.x0).toBeLessThan(byId.get('3:checkout')!.x0)
    const height = (id: string) => byId.get(id)!.y1 - byId.get(id)!.y0
    expect(height('2:visit') / height('2:checkout')).toBeCloseTo(3, 5)
    expect(links).toHaveLength(3)
    expect(links.every((link) => link.path.startsWith('M'))).toBe(true)
    for (const node of nodes) {
      expect(node.x1).toBeLessThanOrEqual(600)
      expect(node.y1).toBeLessThanOrEqual(300)
    }
  })

  it('places nothing without links', () => {
    expect(layoutSankey({ nodes: [], links: [] }, 600, 300)).toEqual({ nodes: [], links: [] })
  })
})
