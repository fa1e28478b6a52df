// The routes the checkout page calls: each one is one or two orchestrator calls made here, with
// the team's API key, through the typed client. The page never sees the key, the result or any
// authentication but its own order's (server.mjs checks that before a route runs).
import { randomUUID } from 'node:crypto';

export const PSPS = ['generic', 'checkout', 'stripe', 'adyen'];

/**
 * What the browser helper needs of an authentication (threeds.d.ts: `id`, `state`,
 * `next_action`) and what the page shows (`outcome`, `guidance`); nothing else leaves.
 */
const forPage = ({ id, state, outcome, guidance, next_action }) => ({
  id,
  state,
  outcome,
  guidance,
  next_action,
});
const pageAnswer = (answer) => (answer.error ? answer : { ...answer, data: forPage(answer.data) });

/**
 * @param {import('@threeds/api-client').ApiClient} api
 * @param {{ psp: import('@threeds/api-client').ClaimRequest['psp'] }} settings
 */
export function checkoutRoutes(api, { psp }) {
  const byId = (id) => ({ params: { path: { id } } });

  return {
    /**
     * A new order and its authentication; the answer's `order` is kept by server.mjs, never sent.
     * The card comes from the page here; in production it comes from your vault or PSP token, and
     * the amount from the cart on the server, not from the browser.
     */
    'POST /api/orders': async ({ body }) => {
      const reference = `ORDER-${randomUUID().slice(0, 8)}`;
      const answer = await api.POST('/v1/authentications', {
        // One key per payment attempt: a retried request cannot start a second authentication.
        params: { header: { 'Idempotency-Key': randomUUID() } },
        body: {
          source: { type: 'card', number: body.card, expiry_month: 12, expiry_year: 2030 },
          amount: body.amount,
          currency: body.currency,
          channel: 'browser',
          reference,
        },
      });
      if (answer.error) return answer;
      // The authenticated amount and currency, as the orchestrator accepted them: what the
      // claim must not exceed.
      const { id, amount, currency } = answer.data;
      return {
        ...pageAnswer(answer),
        order: { reference, amount, currency, authenticationId: id },
      };
    },

    'GET /api/authentications/:id': async ({ id }) =>
      pageAnswer(await api.GET('/v1/authentications/{id}', byId(id))),

    'POST /api/authentications/:id/issuer-fingerprint': async ({ id, body }) =>
      pageAnswer(
        await api.POST('/v1/authentications/{id}/issuer-fingerprint', {
          ...byId(id),
          body: { completion: body.completion },
        }),
      ),

    // Only a server sees the browser's Accept header and its address.
    'POST /api/authentications/:id/channel-data': async ({ id, body, request }) =>
      pageAnswer(
        await api.POST('/v1/authentications/{id}/channel-data', {
          ...byId(id),
          body: {
            channel_data: {
              ...body,
              accept_header: request.headers.accept || '*/*',
              ip_address: request.socket.remoteAddress?.replace(/^::ffff:/, ''),
            },
          },
        }),
      ),

    /**
     * The payment, once the helper has resolved. The result is claimed for this order before the
     * PSP sees it, so one result authorizes one payment (docs/claims.md). The page gets the
     * outcome and whether it paid; the result (ECI, cryptogram) goes only to the PSP.
     */
    'POST /api/authentications/:id/pay': async ({ id, order }) => {
      const current = await api.GET('/v1/authentications/{id}', byId(id));
      if (current.error) return current;
      const { state, outcome, guidance } = current.data;
      const answer = (paid) => ({
        data: { state, outcome, guidance, paid, psp },
        response: { status: 200 },
      });
      // Not final, or guidance do_not_proceed / retry_authentication: the ledger would refuse the
      // claim (422 RESULT_NOT_CLAIMABLE), and the cardholder should not be charged.
      if (!guidance?.startsWith('proceed_')) return answer(false);

      const claim = await api.POST('/v1/authentications/{id}/claims', {
        ...byId(id),
        // The order reference as payment reference: the same pay again (a double click, an
        // answer lost on the way) gets the same claim back (200), not a second one. Another
        // reference for this result would get 409 RESULT_ALREADY_CLAIMED while this one holds it.
        body: {
          payment_reference: order.reference,
          psp,
          amount: order.amount,
          currency: order.currency,
        },
      });
      if (claim.error) return claim;
      authorize(order, claim.data);
      return answer(true);
    },
  };
}

/**
 * Stands in for the PSP's authorization request, which carries `claim.result` (the result in the
 * PSP's own shape) server to server. A replayed claim is the payment already made: the PSP is not
 * asked twice. Had the PSP declined, `POST …/claims/{claim}/release` with reason `declined`
 * would free the result for another try. The stand-in keeps what it would send on the order, to
 * show that it stays on the server; a real backend keeps the PSP's payment id instead, never the
 * cryptogram (docs/claims.md#why).
 */
function authorize(order, claim) {
  if (order.payment?.claim_id === claim.id) return;
  order.payment = { claim_id: claim.id, psp: claim.psp, result: claim.result };
  console.log(`paid ${order.reference} (${claim.psp}) with claim ${claim.id}`);
}
