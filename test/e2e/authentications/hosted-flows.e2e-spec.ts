import request from 'supertest';
import { TeamApi } from '../../support/api.js';
import { recordedCheckoutPerSpec } from '../../support/recorded-checkout.js';
import { SchemaChecker, type OpenApiDocument } from '../../support/openapi-document.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { formOf, submitHostedPage, visit, type Visit } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';
const FRICTIONLESS_N = '4539628347117863';
const CHALLENGE_Y = '4242424242424242';
const PASSWORD = 'Checkout1!';
const TEAM_PAGES = {
  success_url: 'https://shop.example/3ds/success',
  failure_url: 'https://shop.example/3ds/failure',
  cancel_url: 'https://shop.example/3ds/cancel',
};

/**
 * Hosted authentication end to end: the team gets Checkout's page as the next action, the
 * cardholder's browser runs it (device data, challenge), Checkout's page sends it to our return
 * URL, and we send it on to the team's page for the outcome the session read established.
 */
describe('hosted authentications (e2e)', () => {
  const ctx = recordedCheckoutPerSpec();
  let keys = 0;

  const create = (body: object) =>
    new TeamApi(ctx.orchestrator.url).createUnchecked(body, { idempotencyKey: `hosted-${++keys}` });
  const read = (path: string) =>
    request(ctx.orchestrator.http).get(path).set('authorization', `Bearer ${TEAM_A.apiKey}`);

  async function aHostedAuthentication(number: string) {
    const created = await create(aCreateBody(number, { hosted: TEAM_PAGES })).expect(201);
    expect(created.body).toMatchObject({
      state: 'awaiting_channel_data',
      next_action: {
        type: 'redirect_cardholder',
        redirect_url: `${ctx.simulator.url}/interceptor/${created.body.checkout_session_id}`,
      },
    });
    return created.body as { id: string; next_action: { redirect_url: string } };
  }

  /** Follows a 303 to our return URL, and ours to the team's page. */
  async function backThroughUs(fromCheckout: Visit, page: 'success' | 'failure') {
    expect(fromCheckout.status).toBe(303);
    expect(fromCheckout.location).toMatch(
      new RegExp(`^${ctx.orchestrator.url}/hosted/auth_\\w+/[\\w-]+/${page}$`),
    );
    const ours = await visit(fromCheckout.location!);
    expect(ours.status).toBe(303);
    return new URL(ours.location!);
  }

  /** The completion we sent Checkout with the (only) POST /sessions. */
  const sentCompletion = () =>
    (ctx.checkout.sent('POST', '/sessions')[0].body as { completion: Record<string, string> })
      .completion;

  const completes = () => ctx.checkout.requests.filter((sent) => sent.path.endsWith('/complete'));

  it('sends Checkout our own return URLs, and none of the team pages', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_Y);
    expect(sentCompletion()).toEqual({
      type: 'hosted',
      success_url: expect.stringMatching(`/hosted/${authentication.id}/[\\w-]+/success$`),
      failure_url: expect.stringMatching(`/hosted/${authentication.id}/[\\w-]+/failure$`),
    });
    expect(JSON.stringify(ctx.checkout.sent('POST', '/sessions'))).not.toContain('shop.example');
  });

  it('answers as its OpenAPI document says: the redirect_cardholder action, the 303', async () => {
    const { body } = await request(ctx.orchestrator.http).get('/docs-json').expect(200);
    const document = body as OpenApiDocument;
    const created = await create(aCreateBody(FRICTIONLESS_Y, { hosted: TEAM_PAGES })).expect(201);
    const createdSchema =
      document.paths['/v1/authentications'].post.responses?.['201']?.content?.['application/json']
        .schema;
    expect(new SchemaChecker(document).violations(createdSchema!, created.body)).toEqual([]);
    const returned = document.paths['/hosted/{id}/{token}/{page}'].get.responses?.['303'];
    expect(returned).toBeDefined();
  });

  it('completes a frictionless authentication through the success pages', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_Y);
    const landed = await backThroughUs(
      await submitHostedPage(authentication.next_action.redirect_url),
      'success',
    );
    expect(`${landed.origin}${landed.pathname}`).toBe(TEAM_PAGES.success_url);
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      authentication_id: authentication.id,
      state: 'completed',
      outcome: 'authenticated',
    });
    const after = await read(`/v1/authentications/${authentication.id}`).expect(200);
    expect(after.body).toMatchObject({ state: 'completed', outcome: 'authenticated' });
    expect(after.body.next_action).toBeNull();
    const result = await read(`/v1/authentications/${authentication.id}/result`).expect(200);
    expect(result.body).toMatchObject({ outcome: 'authenticated', trans_status: 'Y', eci: '05' });
    expect(result.body.cryptogram).toEqual(expect.any(String));
    expect(completes()).toEqual([]);
  });

  it('sends a not-authenticated card to the failure page', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_N);
    const landed = await backThroughUs(
      await submitHostedPage(authentication.next_action.redirect_url),
      'failure',
    );
    expect(`${landed.origin}${landed.pathname}`).toBe(TEAM_PAGES.failure_url);
    expect(landed.searchParams.get('outcome')).toBe('not_authenticated');
    const after = await read(`/v1/authentications/${authentication.id}`).expect(200);
    expect(after.body).toMatchObject({ state: 'completed', outcome: 'not_authenticated' });
    expect(completes()).toEqual([]);
  });

  it('runs a challenge on Checkout page and lands on success with the right password', async () => {
    const authentication = await aHostedAuthentication(CHALLENGE_Y);
    const challenge = await submitHostedPage(authentication.next_action.redirect_url);
    expect(challenge.status).toBe(200);
    const passwordForm = formOf(challenge.html);
    const fromCheckout = await visit(passwordForm.action, {
      ...passwordForm.fields,
      action: 'submit',
      password: PASSWORD,
    });
    const landed = await backThroughUs(fromCheckout, 'success');
    expect(landed.searchParams.get('outcome')).toBe('authenticated');
    const after = await read(`/v1/authentications/${authentication.id}`).expect(200);
    expect(after.body).toMatchObject({ state: 'completed', outcome: 'authenticated' });
    expect(completes()).toEqual([]);
  });

  it('sends a cardholder who cancels to the cancel page, abandoned', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_Y);
    const fromCheckout = await visit(authentication.next_action.redirect_url, { action: 'cancel' });
    const landed = await backThroughUs(fromCheckout, 'failure');
    expect(`${landed.origin}${landed.pathname}`).toBe(TEAM_PAGES.cancel_url);
    expect(landed.searchParams.get('outcome')).toBe('abandoned');
    const after = await read(`/v1/authentications/${authentication.id}`).expect(200);
    expect(after.body).toMatchObject({ state: 'completed', outcome: 'abandoned' });
  });

  it('trusts the session, not the path: a success return of a declined session goes to failure', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_N);
    const fromCheckout = await submitHostedPage(authentication.next_action.redirect_url);
    const forged = {
      ...fromCheckout,
      location: fromCheckout.location!.replace(/failure$/, 'success'),
    };
    const landed = await backThroughUs(forged, 'success');
    expect(`${landed.origin}${landed.pathname}`).toBe(TEAM_PAGES.failure_url);
  });

  it('sends a return before any result to the failure page with the state, and keeps waiting', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_Y);
    const ours = await visit(sentCompletion().success_url);
    const landed = new URL(ours.location!);
    expect(`${landed.origin}${landed.pathname}`).toBe(TEAM_PAGES.failure_url);
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      authentication_id: authentication.id,
      state: 'awaiting_channel_data',
    });
    const after = await read(`/v1/authentications/${authentication.id}`).expect(200);
    expect(after.body.state).toBe('awaiting_channel_data');
  });

  it('answers 404 to a tampered token and moves nothing', async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_Y);
    const genuine = sentCompletion().success_url;
    const tampered = genuine.replace(/\/([\w-]+)\/success$/, '/AAAA$1/success');
    await submitHostedPage(authentication.next_action.redirect_url);
    const before = ctx.checkout.requests.length;
    const refused = await visit(tampered);
    expect(refused.status).toBe(404);
    expect(JSON.parse(refused.html).error.code).toBe('AUTHENTICATION_NOT_FOUND');
    expect(ctx.checkout.requests.length).toBe(before);
    const after = await read(`/v1/authentications/${authentication.id}`).expect(200);
    expect(after.body.state).toBe('awaiting_channel_data');
  });

  it.each([
    ['the app channel', { channel: 'app' }],
    ['channel_data', { channel_data: aBrowserChannel() }],
  ])('refuses hosted with %s (422 HOSTED_NOT_SUPPORTED), before Checkout', async (_, extra) => {
    const refused = await create(
      aCreateBody(FRICTIONLESS_Y, { hosted: TEAM_PAGES, ...extra }),
    ).expect(422);
    expect(refused.body.error.code).toBe('HOSTED_NOT_SUPPORTED');
    expect(ctx.checkout.sent('POST', '/sessions')).toEqual([]);
  });

  it("refuses channel data through the API: Checkout's page gathers it", async () => {
    const authentication = await aHostedAuthentication(FRICTIONLESS_Y);
    const refused = await request(ctx.orchestrator.http)
      .post(`/v1/authentications/${authentication.id}/channel-data`)
      .set('authorization', `Bearer ${TEAM_A.apiKey}`)
      .send({ channel_data: aBrowserChannel() })
      .expect(422);
    expect(refused.body.error.code).toBe('HOSTED_NOT_SUPPORTED');
    expect(ctx.checkout.requests.filter((sent) => sent.path.endsWith('/collect-data'))).toEqual([]);
  });

  it.each([
    ['plain http to a public host', 'http://shop.example/3ds/success'],
    ['credentials', 'https://user:pw@shop.example/3ds/success'],
    ['more than 256 characters', `https://shop.example/${'a'.repeat(240)}`],
  ])('refuses a team page with %s (400 VALIDATION_FAILED)', async (_, url) => {
    const hosted = { ...TEAM_PAGES, success_url: url };
    const refused = await create(aCreateBody(FRICTIONLESS_Y, { hosted })).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
  });
});
