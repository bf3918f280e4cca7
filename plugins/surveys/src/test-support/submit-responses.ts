import type { TestApp } from '@cxkit/testing'

/** Posts a batch of responses to the test app's workspace through the HTTP API, as a client would. */
export function submitResponses(test: TestApp, responses: unknown[]): Promise<Response> {
  return test.request('/api/surveys/responses', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspace: test.workspace, responses }),
  })
}
