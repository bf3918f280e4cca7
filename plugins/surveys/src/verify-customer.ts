import { CxError } from '@cxkit/core'
import { checkPersonalLink } from './personal-links.js'

/** What a public request says about who is answering. */
export interface ClaimedCustomer {
  /** The customer's external id, as the embedding site passes it. */
  customer?: string
  /** The signature of that id: the `sig` of the customer's personal link. */
  signature?: string
}

/** Where the two values sit in the request, for the problem body (`query.customer`, `body.customerSignature`). */
export interface ClaimFields {
  customer: string
  signature: string
}

function refuse(field: string, code: string, message: string): CxError {
  return new CxError('CXKIT_FORBIDDEN', message, { status: 403, details: { fields: [{ field, code, message }] } })
}

/**
 * Checks a customer id that reached a public route. A signature is always checked when given; a survey
 * with `verifiedCustomers` also refuses an id without one. Without that check anyone who knows or
 * guesses a customer id could answer as that customer, or learn from the contact rule whether they
 * answered lately. A valid signature is a personal link: the answer is its idempotency key, so one link
 * stores one answer whichever way it comes (page, widget or public API). An expired link is refused.
 *
 * @example
 * const keys = () => surveys.linkSecrets(workspace, survey.id)
 * const linkKey = await checkClaimedCustomer(survey, keys, { customer: 'C-42', signature: 'ta8k00.Wm2k…' }, fields)
 */
export async function checkClaimedCustomer(
  survey: { id: string; verifiedCustomers: boolean },
  /** Reads the survey's signing keys: only when there is a signature to check. */
  loadSecrets: () => Promise<string[]>,
  claim: ClaimedCustomer,
  fields: ClaimFields,
): Promise<string | undefined> {
  const { customer, signature } = claim
  if (!customer) {
    if (signature)
      throw refuse(fields.customer, 'missing_customer', 'a signature was sent without the customer id it signs')
    return undefined
  }
  if (signature) {
    const check = checkPersonalLink(await loadSecrets(), survey.id, customer, signature)
    if (check.valid) return check.key
    throw check.reason === 'link_expired'
      ? refuse(fields.signature, 'link_expired', `the personal link of customer '${customer}' has expired`)
      : refuse(
          fields.signature,
          'invalid_signature',
          `the signature does not match customer '${customer}' for survey '${survey.id}'`,
        )
  }
  if (survey.verifiedCustomers) {
    throw refuse(
      fields.signature,
      'signature_required',
      `survey '${survey.id}' takes a customer id only with its signature (the sig of the customer's personal link)`,
    )
  }
  return undefined
}
