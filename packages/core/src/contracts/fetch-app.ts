/** Anything that answers fetch requests: a Hono app (preferred: its routes join the OpenAPI document). */
export interface FetchApp {
  fetch(request: Request, ...rest: any[]): Response | Promise<Response>
}
