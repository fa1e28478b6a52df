// One purchase as the merchant's backend and its shopper play it against the orchestrator: the
// create (channel data with it, so the answer is the result or a challenge), and a challenge
// answered the way the e2e tests answer one (their cardholder's browser and 3DS SDK), or
// cancelled by a shopper who abandons.
import { setTimeout as sleep } from 'node:timers/promises';
import { completeAppChallenge } from '../../test/support/simulator/app-sdk.ts';
import { answerChallenge, formOf, postForm } from '../../test/support/simulator/browser.ts';
import { postCreate } from './load.mjs';
import { API_KEY } from './settings.mjs';

const PASSWORD = 'Checkout1!';
const RESULT_TIMEOUT_MS = 30_000;

async function callApi(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return answer;
}

/** The authentication once it has an outcome: the challenge's result is read from Checkout. */
async function outcomeOf(baseUrl, id) {
  for (const started = performance.now(); performance.now() - started < RESULT_TIMEOUT_MS;) {
    const authentication = await callApi(baseUrl, 'GET', `/v1/authentications/${id}`);
    if (authentication.outcome !== null) return authentication;
    await sleep(50);
  }
  throw new Error(`no outcome after ${RESULT_TIMEOUT_MS} ms`);
}

/** The ACS page in the shopper's browser, then its CRes posted to the orchestrator's page. */
async function answerInBrowser(baseUrl, authentication, abandons) {
  const { acs_url: acsUrl, creq } = authentication.next_action;
  const cresPage = await answerChallenge(
    acsUrl,
    creq,
    abandons ? 'cancel' : { password: PASSWORD },
  );
  const notification = formOf(cresPage.html);
  const landed = await postForm(notification.action, notification.fields);
  if (landed.status !== 200) throw new Error(`notification page answered ${landed.status}`);
  return outcomeOf(baseUrl, authentication.id);
}

/** The app's 3DS SDK runs the challenge, then the app reports how it ended. */
async function answerInApp(baseUrl, authentication, abandons, sdkTransactionId) {
  const action = authentication.next_action;
  const final = await completeAppChallenge(
    {
      signedContent: action.acs_signed_content,
      acsTransactionId: action.acs_transaction_id,
      threeDsServerTransactionId: action.three_ds_server_transaction_id,
      sdkTransactionId,
      messageVersion: action.protocol_version,
    },
    abandons ? 'cancel' : { code: PASSWORD },
  );
  const report = abandons
    ? { event: 'cancelled' }
    : { trans_status: final.body.transStatus, sdk_transaction_id: sdkTransactionId };
  await callApi(
    baseUrl,
    'POST',
    `/v1/authentications/${authentication.id}/app-challenge-result`,
    report,
  );
  return outcomeOf(baseUrl, authentication.id);
}

/**
 * What became of one purchase: `frictionless` (the create answered with the result),
 * `challenged` (then the outcome after the shopper's answer) or `error`; with the
 * orchestrator's exemption decision. Never the card number.
 */
export async function shop(baseUrl, purchase, idempotencyKey) {
  const created = await postCreate(baseUrl, purchase.body, idempotencyKey).catch((error) => ({
    status: `no answer (${error.message})`,
  }));
  if (created.status !== 201) {
    return { reference: purchase.reference, path: 'error', error: `create ${created.status}` };
  }
  const authentication = created.body;
  if (authentication.state !== 'challenge_required') {
    return {
      reference: purchase.reference,
      path: 'frictionless',
      outcome: authentication.outcome,
      decision: authentication.exemption_decision,
    };
  }
  try {
    const abandons = purchase.abandonsChallenge;
    const answered =
      authentication.next_action.channel === 'app'
        ? await answerInApp(
            baseUrl,
            authentication,
            abandons,
            purchase.body.channel_data.sdk_transaction_id,
          )
        : await answerInBrowser(baseUrl, authentication, abandons);
    return {
      reference: purchase.reference,
      path: 'challenged',
      outcome: answered.outcome,
      decision: answered.exemption_decision,
    };
  } catch (error) {
    return {
      reference: purchase.reference,
      path: 'challenged',
      outcome: 'error',
      decision: authentication.exemption_decision,
      error: error.message.slice(0, 200),
    };
  }
}
