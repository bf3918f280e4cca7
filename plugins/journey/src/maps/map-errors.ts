import { CxError } from '@cxkit/core'

/** 404: no map with this id in the workspace. */
export const mapNotFound = (id: string) =>
  new CxError('CXKIT_NOT_FOUND', `no journey map '${id}' in this workspace`, { status: 404 })

/** 404: the map exists, the version does not. */
export const versionNotFound = (id: string, version: number) =>
  new CxError('CXKIT_NOT_FOUND', `journey map '${id}' has no version ${version}`, { status: 404 })

/** 409: a map with this id exists. */
export const mapExists = (id: string) =>
  new CxError('CXKIT_CONFLICT', `a journey map '${id}' exists in this workspace`, { status: 409 })

/**
 * 409: the save was based on an older version than the current one; someone saved in between. The
 * current version travels in `details` and reaches the client as the problem's `currentVersion`.
 */
export class StaleMapVersionError extends CxError {
  constructor(
    readonly mapId: string,
    readonly baseVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'CXKIT_CONFLICT',
      `journey map '${mapId}' is at version ${currentVersion}; this save was based on version ${baseVersion}. Open version ${currentVersion}, redo the change and save again`,
      { status: 409, details: { currentVersion } },
    )
  }
}

/** 409: the workspace holds as many maps as it may. */
export const tooManyMaps = (limit: number) =>
  new CxError('CXKIT_CONFLICT', `this workspace holds ${limit} journey maps, the most it may: delete one first`, {
    status: 409,
  })
