// Lays out the decision chain as an org chart for the map: each person
// under the one they report to, subtrees side by side, the widest first
// level centred. Pure, so it is tested without a canvas.
import type { MapNode } from '@/api/partnership'

export interface Placed {
  id: string
  x: number
  y: number
  depth: number
}

const INFLUENCE_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2, '': 3 }

/** x in leaf slots (one per person without reports), y in levels. */
export function layoutChart(nodes: MapNode[]): { placed: Map<string, Placed>; width: number; depth: number } {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const kids = new Map<string, MapNode[]>()
  const roots: MapNode[] = []
  for (const n of nodes) {
    const boss = n.reportsTo && byId.has(n.reportsTo) && n.reportsTo !== n.id ? n.reportsTo : ''
    if (boss) kids.set(boss, [...(kids.get(boss) ?? []), n])
    else roots.push(n)
  }
  const order = (list: MapNode[]) =>
    [...list].sort((a, b) => (INFLUENCE_ORDER[a.influence] ?? 3) - (INFLUENCE_ORDER[b.influence] ?? 3) || a.department.localeCompare(b.department))
  const placed = new Map<string, Placed>()
  let next = 0
  let maxDepth = 0
  const seen = new Set<string>()
  function place(n: MapNode, depth: number): number {
    if (seen.has(n.id)) return next // a loop in the data: stop here
    seen.add(n.id)
    maxDepth = Math.max(maxDepth, depth)
    const children = order(kids.get(n.id) ?? [])
    let x: number
    if (!children.length) {
      x = next++
    } else {
      const xs = children.map((c) => place(c, depth + 1))
      x = (Math.min(...xs) + Math.max(...xs)) / 2
    }
    placed.set(n.id, { id: n.id, x, y: depth, depth })
    return x
  }
  // Whole trees first, loners (no boss, no reports) after them.
  const sorted = [...roots].sort((a, b) => Number(!kids.has(a.id)) - Number(!kids.has(b.id)))
  for (const r of sorted) place(r, 0)
  for (const n of nodes) if (!placed.has(n.id)) place(n, 0)
  return { placed, width: Math.max(1, next), depth: maxDepth + 1 }
}
