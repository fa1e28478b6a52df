// The routes the checkout page's `backend` object calls: each one is one orchestrator call made
// here, with the team's API key, through the typed client. The page never sees the key.
import { randomUUID } from 'node:crypto';

export const RESULT_FORMATS = ['generic', 'checkout', 'stripe', 'adyen'];

/** @param {import('@threeds/api-client').ApiClient} api */
export function checkoutRoutes(api) {
  const byId = (id) => ({ params: { path: { id } } });

  return {
    /** The card comes from the page here; in production it comes from your vault or PSP token. */
    'POST /api/authentications': ({ body }) =>
      api.POST('/v1/authentications', {
        // One key per payment attempt: a retried request cannot start a second authentication.
        params: { header: { 'Idempotency-Key': randomUUID() } },
        body: {
          source: { type: 'card', number: body.card, expiry_month: 12, expiry_year: 2030 },
          amount: body.amount,
          currency: body.currency,
          channel: 'browser',
          reference: `ORDER-${randomUUID().slice(0, 8)}`,
        },
      }),

    'GET /api/authentications/:id': ({ id }) => api.GET('/v1/authentications/{id}', byId(id)),

    'POST /api/authentications/:id/issuer-fingerprint': ({ id, body }) =>
      api.POST('/v1/authentications/{id}/issuer-fingerprint', {
        ...byId(id),
        body: { completion: body.completion },
      }),

    // Only a server sees the browser's Accept header and its address.
    'POST /api/authentications/:id/channel-data': ({ id, body, request }) =>
      api.POST('/v1/authentications/{id}/channel-data', {
        ...byId(id),
        body: {
          channel_data: {
            ...body,
            accept_header: request.headers.accept || '*/*',
            ip_address: request.socket.remoteAddress?.replace(/^::ffff:/, ''),
          },
        },
      }),

    // What the payment step hands to its PSP: the result in each gateway's own shape.
    'GET /api/authentications/:id/results': async ({ id }) => {
      const results = {};
      for (const format of RESULT_FORMATS) {
        const answer = await api.GET('/v1/authentications/{id}/result', {
          params: { path: { id }, query: { format } },
        });
        if (answer.error) return answer;
        results[format] = answer.data;
      }
      return { data: results, response: { status: 200 } };
    },
  };
}
