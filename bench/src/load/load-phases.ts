import autocannon from 'autocannon'

/** The figures of one stream of requests. */
export interface StreamFigures {
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number
  non2xx: number
  /** Requests with no answer within autocannon's 10 s (the server may still have done them). */
  timeouts: number
}

function figuresOf(result: autocannon.Result): StreamFigures {
  return {
    requests: result['2xx'] + result.non2xx,
    requestsPerSecond: Math.round((result['2xx'] + result.non2xx) / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // autocannon counts timeouts among its errors.
    errors: result.non2xx + result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  }
}

/** Where to submit: the demo workspace's NPS survey and its question. */
export interface IngestTarget {
  workspace: string
  surveyId: string
  questionId: string
}

/**
 * Single-response submissions for `seconds` over `connections` keep-alive connections, each with an
 * idempotency key of its own (`<prefix><n>`). Returns the figures and the keys the server
 * acknowledged with a 2xx, to hold against what it stored.
 */
export async function ingestStream(
  url: string,
  target: IngestTarget,
  options: { seconds: number; connections: number; prefix: string },
): Promise<{ figures: StreamFigures; acknowledged: Set<string> }> {
  const acknowledged = new Set<string>()
  // autocannon hands each connection a context object; the key in flight on it is kept here.
  const inFlight = new WeakMap<object, string>()
  let next = 0
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/surveys/responses',
        headers: { 'content-type': 'application/json' },
        setupRequest(request, context) {
          const key = `${options.prefix}${next++}`
          inFlight.set(context, key)
          const body = {
            workspace: target.workspace,
            responses: [
              {
                surveyId: target.surveyId,
                idempotencyKey: key,
                locale: 'en',
                submittedAt: new Date().toISOString(),
                answers: [{ questionId: target.questionId, value: next % 11 }],
              },
            ],
          }
          return { ...request, body: JSON.stringify(body) }
        },
        onResponse(status, _body, context) {
          const key = inFlight.get(context)
          if (key && status >= 200 && status < 300) acknowledged.add(key)
        },
      },
    ],
  })
  return { figures: figuresOf(result), acknowledged }
}

/** GET requests to the given paths in turn, over `connections` connections, for `seconds`. */
export async function getStream(
  url: string,
  paths: readonly string[],
  options: { seconds: number; connections: number },
): Promise<StreamFigures> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  })
  return figuresOf(result)
}
