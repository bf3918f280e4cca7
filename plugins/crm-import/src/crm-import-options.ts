import { bodyLimits } from '@cxkit/core'
import { z } from 'zod'

/**
 * What an install may set: where uploads wait for their import, how large they may be, how long they
 * are kept.
 *
 * @example
 * crmImportPlugin({ uploadsDir: '/var/lib/cxkit/uploads', maxUploadBytes: 100 * 1024 * 1024 })
 */
export const crmImportOptionsSchema = z
  .object({
    /** Folder for uploaded files (created when needed); default `./data/uploads`, beside the default database. */
    uploadsDir: z.string().min(1).default('./data/uploads'),
    /** The largest upload, in bytes (default 512 MiB). */
    maxUploadBytes: z.number().int().min(1024).default(bodyLimits.upload),
    /** Uploads older than this are deleted (default 24 hours). */
    uploadMaxAgeHours: z
      .number()
      .positive()
      .max(24 * 365)
      .default(24),
  })
  .strict()

export type CrmImportOptions = z.output<typeof crmImportOptionsSchema>
