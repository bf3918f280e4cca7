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
          schema: z.array(z.object({ customerExternalId: z.string(), signature: z.string(), url: z.string() })),
        },
      },
    },
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

/** Personal links and QR codes: the ways a survey reaches customers. */
export function distributionRoutes(ctx: PluginContext) {
  const surveys = createSurveysRepository(ctx)
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(links, async (c) => {
      const { workspace } = c.req.valid('query')
      const survey = await surveys.require(workspace, c.req.valid('param').id)
      const secret = await surveys.linkSecret(workspace, survey.id)
      const { customers, touchpoint } = c.req.valid('json')
      return c.json(
        customers.map((customer) => {
          const signature = signPersonalLink(secret, survey.id, customer)
          return {
            customerExternalId: customer,
            signature,
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
