/**
 * Paths as a Sankey diagram: a node per touchpoint per position (`2:checkout`), so a path that comes
 * back to a touchpoint draws forward rather than in a loop, and a link per consecutive pair, weighted
 * by the customers of the paths that take it.
 *
 * @example
 * toSankey([{ touchpoints: ['ad', 'visit'], customers: 3 }], new Map())
 * // nodes 1:ad, 2:visit; links [{ source: '1:ad', target: '2:visit', value: 3 }]
 */
export function toSankey(
  paths: readonly { touchpoints: readonly string[]; customers: number }[],
  names: ReadonlyMap<string, string>,
) {
  const nodes = new Map<string, { id: string; position: number; touchpointId: string; name: string | null }>()
  const links = new Map<string, { source: string; target: string; value: number }>()
  for (const path of paths) {
    path.touchpoints.forEach((touchpointId, index) => {
      const id = `${index + 1}:${touchpointId}`
      if (!nodes.has(id))
        nodes.set(id, { id, position: index + 1, touchpointId, name: names.get(touchpointId) ?? null })
      if (index === 0) return
      const source = `${index}:${path.touchpoints[index - 1]}`
      const key = `${source}>${id}`
      const link = links.get(key) ?? { source, target: id, value: 0 }
      link.value += path.customers
      links.set(key, link)
    })
  }
  return { nodes: [...nodes.values()], links: [...links.values()] }
}
