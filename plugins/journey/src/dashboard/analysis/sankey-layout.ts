import { sankey, sankeyLinkHorizontal, sankeyLeft } from 'd3-sankey'
import type { PathsResult } from './analysis-api.js'

/** A node placed by the layout: a touchpoint at a position of the path, with its box and customers. */
export interface PlacedNode {
  id: string
  position: number
  touchpointId: string
  name: string
  x0: number
  x1: number
  y0: number
  y1: number
  /** Customers of the listed paths through the node. */
  value: number
}

/** A link placed by the layout: its SVG path, drawn as a stroke of the given width. */
export interface PlacedLink {
  source: PlacedNode
  target: PlacedNode
  value: number
  width: number
  path: string
}

export interface SankeyLayout {
  nodes: PlacedNode[]
  links: PlacedLink[]
}

type NodeIn = Omit<PlacedNode, 'x0' | 'x1' | 'y0' | 'y1' | 'value'>
type LinkIn = { source: string; target: string; value: number }

/**
 * Places the paths' Sankey nodes and links in a `width` × `height` box with d3-sankey: positions of the
 * path from left to right, nodes as tall as the customers through them. Only the geometry is computed
 * here; the element draws it.
 *
 * @example
 * const { nodes, links } = layoutSankey(result, 720, 320)
 */
export function layoutSankey(
  result: Pick<PathsResult, 'nodes' | 'links'>,
  width: number,
  height: number,
): SankeyLayout {
  if (result.links.length === 0) return { nodes: [], links: [] }
  const layout = sankey<NodeIn, LinkIn>()
    .nodeId((node) => node.id)
    .nodeAlign(sankeyLeft)
    .nodeWidth(12)
    .nodePadding(14)
    .extent([
      [1, 1],
      [width - 1, height - 1],
    ])
  const graph = layout({
    nodes: result.nodes.map((node) => ({ ...node, name: node.name ?? node.touchpointId })),
    links: result.links.map((link) => ({ ...link })),
  })
  const linkPath = sankeyLinkHorizontal<NodeIn, LinkIn>()
  const nodes = graph.nodes as PlacedNode[]
  const links = graph.links.map((link) => ({
    source: link.source as PlacedNode,
    target: link.target as PlacedNode,
    value: link.value,
    width: link.width ?? 0,
    path: linkPath(link) ?? '',
  }))
  return { nodes, links }
}
