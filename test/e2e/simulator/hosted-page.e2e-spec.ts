import { contractViolations } from '../../support/checkout-contract.js';
import { formOf, submitHostedPage, visit } from '../../support/simulator/browser.js';
import { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { anAppChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithClient,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

const FRICTIONLESS_Y = '4485040371536584';
const FRICTIONLESS_N = '4539628347117863';
const CHALLENGE_Y = '4242424242424242';
const PASSWORD = 'Checkout1!';
const SUCCESS_URL = 'https://merchant.example/3ds/success';
const FAILURE_URL = 'https://merchant.example/3ds/failure';
const HOSTED = { type: 'hosted', success_url: SUCCESS_URL, failure_url: FAILURE_URL };

/** Checkout's hosted page (`/interceptor/{id}`), as a browser meets it. */
describe('simulator: hosted sessions (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  let oauth: string;

  beforeAll(async () => {
    ({ simulator, api, oauth } = await startSimulatorWithClient());
  });
  afterAll(() => simulator.close());

  async function aHostedSession(number: string) {
    const created = await api.createSession(oauth, aSessionRequest({ number, completion: HOSTED }));
    expect(created.status).toBe(202);
    expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
    return created.body;
  }

  it('answers 202 pending with redirect_cardholder and the interceptor page', async () => {
    const created = await aHostedSession(FRICTIONLESS_Y);
    expect(created).toMatchObject({ status: 'pending', next_actions: ['redirect_cardholder'] });
    expect(created._links).toMatchObject({
      redirect_url: { href: `${simulator.url}/interceptor/${created.id}` },
      success_url: { href: SUCCESS_URL },
      failure_url: { href: FAILURE_URL },
    });
  });

  it('sends a frictionless authentication to success_url, with nothing left to do', async () => {
    const created = await aHostedSession(FRICTIONLESS_Y);
    const landed = await submitHostedPage(created._links.redirect_url.href);
    expect(landed).toMatchObject({ status: 303, location: SUCCESS_URL });
    const read = await api.getSession(oauth, created.id);
    expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
    expect(read.body).toMatchObject({ status: 'approved', next_actions: [], response_code: 'Y' });
    expect(read.body.cryptogram).toEqual(expect.any(String));
    expect(read.body._links.redirect_url).toBeUndefined();
    const complete = await api.complete(oauth, created.id);
    expect(complete.status).toBe(403);
    expect(complete.body).toMatchObject({ error_type: 'operation_not_allowed' });
  });

  it('sends a not-authenticated card to failure_url', async () => {
    const created = await aHostedSession(FRICTIONLESS_N);
    const landed = await submitHostedPage(created._links.redirect_url.href);
    expect(landed).toMatchObject({ status: 303, location: FAILURE_URL });
    expect((await api.getSession(oauth, created.id)).body.status).toBe('declined');
  });

  it('runs the challenge on the ACS page, then redirects by its result', async () => {
    const created = await aHostedSession(CHALLENGE_Y);
    const challenge = await submitHostedPage(created._links.redirect_url.href);
    expect(challenge.status).toBe(200);
    const waiting = await api.getSession(oauth, created.id);
    expect(contractViolations(waiting.body, 'GetSessionResponse')).toEqual([]);
    expect(waiting.body).toMatchObject({
      status: 'challenged',
      next_actions: ['redirect_cardholder'],
    });
    const passwordForm = formOf(challenge.html);
    const landed = await visit(passwordForm.action, {
      ...passwordForm.fields,
      action: 'submit',
      password: PASSWORD,
    });
    expect(landed).toMatchObject({ status: 303, location: SUCCESS_URL });
    expect((await api.getSession(oauth, created.id)).body).toMatchObject({
      status: 'approved',
      next_actions: [],
    });
  });

  it('reopening redirect_url mid-challenge shows the challenge again', async () => {
    const created = await aHostedSession(CHALLENGE_Y);
    await submitHostedPage(created._links.redirect_url.href);
    const again = await visit(created._links.redirect_url.href);
    expect(again.status).toBe(200);
    expect(formOf(again.html).action).toBe(`${simulator.url}/acs/challenge/answer`);
  });

  it('cancelling on the hosted page ends the session abandoned, at failure_url', async () => {
    const created = await aHostedSession(FRICTIONLESS_Y);
    const landed = await visit(created._links.redirect_url.href, { action: 'cancel' });
    expect(landed).toMatchObject({ status: 303, location: FAILURE_URL });
    expect((await api.getSession(oauth, created.id)).body).toMatchObject({
      status: 'challenge_abandoned',
      next_actions: [],
    });
  });

  it('refuses hosted with app channel data (403 hosted_not_supported_for_app)', async () => {
    const created = await api.createSession(
      oauth,
      aSessionRequest({ completion: HOSTED, channel_data: anAppChannel() }),
    );
    expect(created.status).toBe(403);
    expect(created.body.error_codes).toEqual(['hosted_not_supported_for_app']);
  });

  it('answers 404 for a non-hosted session on the interceptor path', async () => {
    const created = await api.createSession(oauth, aSessionRequest());
    expect((await visit(`${simulator.url}/interceptor/${created.body.id}`)).status).toBe(404);
  });
});
