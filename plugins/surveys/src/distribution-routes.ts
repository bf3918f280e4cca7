import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { columnLimits, type PluginContext, problemContent, textSchema, throwOnInvalid } from '@cxkit/core'
import { renderSVG } from 'uqr'
import { linkCustomerMax, signPersonalLink } from './personal-links.js'
import { createSurveysRepository } from './surveys-repository.js'

const workspaceQuery = z.object({ workspace: textSchema(columnLimits.id, 1) })
const surveyParams = z.object({
  id: textSchema(columnLimits.id, 1).openapi({ param: { name: 'id', in: 'path' } }),
})

const links = createRoute({
  method: 'post',
  path: '/surveys/{id}/links',
  summary:
    'Personal links for e-mail (signed, tied to one customer, answerable once), and the signatures the widget needs',
  request: {
    query: workspaceQuery,
    params: surveyParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              customers: z.array(textSchema(linkCustomerMax, 1)).min(1).max(10_000),
              touchpoint: textSchema(columnLimits.id).optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: "One link per customer, and its signature for the widget's `customer-signature`",
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              customerExternalId: z.string(),
              signature: z.string(),
              url: z.string(),
              /** When the link stops working: `linkValidDays` after it was made. */
              expiresAt: z.string(),
            }),
          ),
        },
      },
    },
    404: { description: 'Unknown survey', content: problemContent },
  },
})

const rotate = createRoute({
  method: 'post',
  path: '/surveys/{id}/link-secret/rotate',
  summary:
    'A new key signs personal links from now on; links signed with the key before keep working until they expire or it is dropped',
  request: { query: workspaceQuery, params: surveyParams },
  responses: {
    204: { description: 'Rotated; the key before is kept as the previous one (an older previous key is dropped)' },
    404: { description: 'Unknown survey', content: problemContent },
  },
})

const dropPrevious = createRoute({
  method: 'delete',
  path: '/surveys/{id}/link-secret/previous',
  summary: 'Drops the key kept by the last rotation: the links it signed stop working now',
  request: { query: workspaceQuery, params: surveyParams },
  responses: {
    204: { description: 'Dropped' },
    404: { description: 'Unknown survey', content: problemContent },
  },
})

const qr = createRoute({
  method: 'get',
  path: '/surveys/{id}/qr.svg',
  summary: 'A printable QR code of the survey page, for receipts, tables and counters',
  request: {
    query: workspaceQuery.extend({ touchpoint: textSchema(columnLimits.id).optional() }),
    params: surveyParams,
  },
  responses: {
    200: { description: 'SVG image', content: { 'image/svg+xml': { schema: z.string() } } },
    404: { description: 'Unknown survey', content: problemContent },
  },
})

/** The public survey URL, on the host the request came in on (honouring a proxy's forwarded host). */
function surveyUrl(
  request: Request,
  headers: (name: string) => string | undefined,
  token: string,
  params: Record<string, string | undefined>,
): string {
  const origin = new URL(request.url)
  const forwardedHost = headers('x-forwarded-host')
  const forwardedProto = headers('x-forwarded-proto')
  const base = `${forwardedProto ?? origin.protocol.replace(':', '')}://${forwardedHost ?? origin.host}`
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  )
  return `${base}/s/${token}${query.size ? `?${query}` : ''}`
}

/** Personal links (and their signing key) and QR codes: the ways a survey reaches customers. */
export function distributionRoutes(ctx: PluginContext) {
  const surveys = createSurveysRepository(ctx)
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(links, async (c) => {
      const { workspace } = c.req.valid('query')
      const survey = await surveys.require(workspace, c.req.valid('param').id)
      const [secret] = await surveys.linkSecrets(workspace, survey.id)
      const { customers, touchpoint } = c.req.valid('json')
      const expiresAt = new Date(Date.now() + survey.linkValidDays * 24 * 60 * 60 * 1000)
      return c.json(
        customers.map((customer) => {
          const signature = signPersonalLink(secret!, survey.id, customer, expiresAt)
          return {
            customerExternalId: customer,
            signature,
            expiresAt: expiresAt.toISOString(),
            url: surveyUrl(c.req.raw, (name) => c.req.header(name), survey.publicToken, {
              c: customer,
              sig: signature,
              tp: touchpoint,
            }),
          }
        }),
        200,
      )
    })
    .openapi(rotate, async (c) => {
      await surveys.rotateLinkSecret(c.req.valid('query').workspace, c.req.valid('param').id)
      return c.body(null, 204)
    })
    .openapi(dropPrevious, async (c) => {
      await surveys.dropPreviousLinkSecret(c.req.valid('query').workspace, c.req.valid('param').id)
      return c.body(null, 204)
    })
    .openapi(qr, async (c) => {
      const { workspace, touchpoint } = c.req.valid('query')
      const survey = await surveys.require(workspace, c.req.valid('param').id)
      const url = surveyUrl(c.req.raw, (name) => c.req.header(name), survey.publicToken, {
        tp: touchpoint,
        ch: 'on-site',
      })
      return c.body(renderSVG(url, { border: 2 }), 200, {
        'content-type': 'image/svg+xml',
        'cache-control': 'public, max-age=3600',
      })
    })
}
