import { CxValidationError, type FieldProblem } from '@cxkit/core'
import type { MapContent } from '../schema.js'
import type { WorkspaceStructure } from './workspace-structure.js'

/**
 * Checks content against the workspace it is saved in: every stage must be one of the workspace's
 * (a 400 naming `<field>.stages[i].stageId` otherwise). A touchpoint order keeps only touchpoints of
 * that stage: one deleted or moved since the map was opened is no reason to refuse the save.
 *
 * @example
 * const content = checkContent(body.content, await readWorkspaceStructure(db, workspace), 'body.content')
 */
export function checkContent(content: MapContent, structure: WorkspaceStructure, field: string): MapContent {
  const stageIds = new Set(structure.stages.map((stage) => stage.id))
  const problems: FieldProblem[] = []
  content.stages.forEach((stage, index) => {
    if (!stageIds.has(stage.stageId))
      problems.push({
        field: `${field}.stages[${index}].stageId`,
        code: 'unknown_stage',
        message: `'${stage.stageId}' is not a stage of this workspace`,
      })
  })
  if (problems.length > 0) throw new CxValidationError(problems)
  return {
    stages: content.stages.map((stage) => {
      const own = new Set(structure.touchpoints.filter((tp) => tp.stageId === stage.stageId).map((tp) => tp.id))
      return { ...stage, touchpointOrder: [...new Set(stage.touchpointOrder)].filter((id) => own.has(id)) }
    }),
  }
}
