import { describe, expect, it } from 'vitest'
import type { MapTouchpoint } from '../map-model.js'
import {
  applyItemEdit,
  contentFromCanvas,
  editLane,
  moveTouchpoint,
  stagesOnCanvas,
  touchpointsOfStage,
} from './edit-content.js'

const stages = [
  { id: 'awareness', label: { en: 'Awareness' }, position: 0 },
  { id: 'purchase', label: { en: 'Purchase' }, position: 1 },
]
const touchpoint = (id: string, name: string, stageId = 'purchase'): MapTouchpoint => ({
  id,
  name,
  stageId,
  channel: 'website',
  ownerTeam: null,
  description: null,
})

describe('editing a journey map', () => {
  it('adds, edits, removes and moves items without touching the list it was given', () => {
    const items = ['a', 'b', 'c']
    expect(applyItemEdit(items, { kind: 'add', text: 'd' })).toEqual(['a', 'b', 'c', 'd'])
    expect(applyItemEdit(items, { kind: 'edit', index: 1, text: 'B' })).toEqual(['a', 'B', 'c'])
    expect(applyItemEdit(items, { kind: 'remove', index: 0 })).toEqual(['b', 'c'])
    expect(applyItemEdit(items, { kind: 'move', from: 0, to: 2 })).toEqual(['b', 'c', 'a'])
    expect(applyItemEdit(items, { kind: 'move', from: 2, to: 1 })).toEqual(['a', 'c', 'b'])
    expect(applyItemEdit(items, { kind: 'move', from: 0, to: 3 })).toEqual(items)
    expect(applyItemEdit(items, { kind: 'remove', index: -1 })).toEqual(items)
    expect(items).toEqual(['a', 'b', 'c'])
  })

  it('shows every stage of the workspace in order and saves only the ones with something in them', () => {
    const onCanvas = stagesOnCanvas(
      { stages: [{ ...stagesOnCanvas({ stages: [] }, stages)[1]!, emotion: -2 }] },
      stages,
    )
    expect(onCanvas.map((stage) => [stage.stageId, stage.emotion])).toEqual([
      ['awareness', null],
      ['purchase', -2],
    ])
    const edited = editLane(onCanvas, 'awareness', 'questions', { kind: 'add', text: 'Is it for me?' })
    expect(contentFromCanvas(edited).stages.map((stage) => [stage.stageId, stage.questions])).toEqual([
      ['awareness', ['Is it for me?']],
      ['purchase', []],
    ])
    expect(contentFromCanvas(onCanvas).stages.map((stage) => stage.stageId)).toEqual(['purchase'])
  })

  it('orders touchpoints as the map says, then by name, and keeps the order after a move', () => {
    const touchpoints = [
      touchpoint('shop', 'Shop'),
      touchpoint('app', 'App'),
      touchpoint('web', 'Web'),
      touchpoint('ad', 'Ad', 'awareness'),
    ]
    const [, purchase] = stagesOnCanvas({ stages: [] }, stages)
    const ordered = { ...purchase!, touchpointOrder: ['web'] }
    expect(touchpointsOfStage(ordered, touchpoints).map((tp) => tp.id)).toEqual(['web', 'app', 'shop'])
    const moved = moveTouchpoint([ordered], touchpoints, 'purchase', { from: 2, to: 0 })
    expect(moved[0]!.touchpointOrder).toEqual(['shop', 'web', 'app'])
  })
})
