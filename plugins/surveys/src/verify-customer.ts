import { CxError } from '@cxkit/core'
import { verifyPersonalLink } from './personal-links.js'

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
 * answered lately.
 *
 * @example
 * await checkClaimedCustomer(survey, () => surveys.linkSecret(workspace, survey.id), { customer: 'C-42', signature: 'Wm2k…' }, fields)
 */
export async function checkClaimedCustomer(
  survey: { id: string; verifiedCustomers: boolean },
  /** Reads the survey's signing key: only when there is a signature to check. */
  loadSecret: () => Promise<string>,
  claim: ClaimedCustomer,
  fields: ClaimFields,
): Promise<void> {
  const { customer, signature } = claim
  if (!customer) {
    if (signature)
      throw refuse(fields.customer, 'missing_customer', 'a signature was sent without the customer id it signs')
    return
  }
  if (signature) {
    if (!verifyPersonalLink(await loadSecret(), survey.id, customer, signature)) {
      throw refuse(
        fields.signature,
        'invalid_signature',
        `the signature does not match customer '${customer}' for survey '${survey.id}'`,
      )
    }
    return
  }
  if (survey.verifiedCustomers) {
    throw refuse(
      fields.signature,
      'signature_required',
      `survey '${survey.id}' takes a customer id only with its signature (the sig of the customer's personal link)`,
    )
  }
}
