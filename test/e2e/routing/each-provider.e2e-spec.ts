import { randomUUID } from 'node:crypto';
import type { RoutingPolicy } from '@app/domain';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import {
  answerChallenge,
  followThreeDsMethod,
  formOf,
  postForm,
  type ChallengeAnswer,
} from '../../support/simulator/browser.js';
import { aBrowserChannel, anAppChannel } from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/** A team whose policy sends everything to one provider, without fallback. */
const onlyTo = (provider: 'checkout' | 'adyen'): RoutingPolicy => ({
  version: `only-${provider}`,
  rules: [],
  otherwise: { providers: [provider] },
});

interface ProviderRun {
  readonly provider: 'checkout' | 'adyen';
  readonly apiKey: string;
  /** 3DS Method, then frictionless Y. */
  readonly methodThenFrictionless: string;
  /** A browser challenge at create. */
  readonly challenge: string;
  readonly password: string;
  /** Adyen takes browser data only at create; Checkout's 3DS Method comes before it. */
  readonly channelDataAtCreate: boolean;
}

/** Each provider's simulator cards (docs/simulator.md, docs/adyen-simulator.md#test-cards). */
const RUNS: readonly ProviderRun[] = [
  {
    provider: 'checkout',
    apiKey: TEAM_B.apiKey,
    methodThenFrictionless: '4485040371536584',
    challenge: '4242424242424242',
    password: 'Checkout1!',
    channelDataAtCreate: false,
  },
  {
    provider: 'adyen',
    apiKey: TEAM_A.apiKey,
    methodThenFrictionless: '4000009900000012',
    challenge: '5200009900000025',
    password: 'password',
    channelDataAtCreate: true,
  },
];

/**
 * The same browser flows through routing to each provider, both simulators over HTTP; the app
 * flow where the provider serves it, and a clear 422 where it does not (docs/routing.md).
 * Adyen takes browser data only at create, so every create here carries it.
 */
describe('the same flows through each provider (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      adyen: true,
      strategy: {
        routingPolicies: new Map([
          [TEAM_A.team, onlyTo('adyen')],
          [TEAM_B.team, onlyTo('checkout')],
        ]),
      },
    });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const createWith = (run: ProviderRun, card: string, overrides: Record<string, unknown> = {}) =>
    ctx.client.as(run.apiKey).create(
      aCreateBody(card, {
        reference: `ORDER-${randomUUID()}`,
        channel_data: aBrowserChannel(),
        ...overrides,
      }),
    );

  async function challengeAnswered(
    created: { id: string; next_action: { acs_url: string; creq: string } },
    answer: ChallengeAnswer,
  ) {
    const { acs_url, creq } = created.next_action;
    const notification = formOf((await answerChallenge(acs_url, creq, answer)).html);
    expect(notification.action).toBe(
      `${ctx.orchestrator.url}/notifications/challenge/${created.id}`,
    );
    await postForm(notification.action, notification.fields);
  }

  describe.each(RUNS)('$provider', (run) => {
    it('runs a frictionless Y through our 3DS Method page to completed', async () => {
      const created = await createWith(
        run,
        run.methodThenFrictionless,
        run.channelDataAtCreate ? {} : { channel_data: undefined },
      ).expect(201);
      expect(created.body).toMatchObject({
        state: 'awaiting_issuer_fingerprint',
        routing: { provider: run.provider, decided_by: 'otherwise', fallback_used: false },
        next_action: { type: 'three_ds_method' },
      });
      const backToUs = await followThreeDsMethod(created.body.next_action);
      expect(backToUs.action).toBe(
        `${ctx.orchestrator.url}/notifications/3ds-method/${created.body.id}`,
      );
      if (!run.channelDataAtCreate) {
        await ctx.waitForState(created.body.id, 'awaiting_channel_data', undefined, run.apiKey);
        await ctx.client.as(run.apiKey).channelData(created.body.id, aBrowserChannel()).expect(200);
      }

      const completed = await ctx.waitForState(created.body.id, 'completed', undefined, run.apiKey);
      expect(completed).toMatchObject({
        outcome: 'authenticated',
        guidance: 'proceed_with_liability_shift',
        response_code: 'Y',
      });
      expect(await ctx.statePath(created.body.id, run.apiKey)).toEqual([
        'created',
        'awaiting_issuer_fingerprint',
        ...(run.channelDataAtCreate ? [] : ['awaiting_channel_data']),
        'result_ready',
        'completed',
      ]);
      const result = await ctx.client.as(run.apiKey).result(created.body.id).expect(200);
      expect(result.body).toMatchObject({
        outcome: 'authenticated',
        trans_status: 'Y',
        eci: '05',
        cryptogram: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/),
        ds_transaction_id: expect.any(String),
      });
    });

    it('runs a challenge through the issuer page and our notification page to completed', async () => {
      const created = await createWith(run, run.challenge).expect(201);
      expect(created.body).toMatchObject({
        state: 'challenge_required',
        routing: { provider: run.provider },
        next_action: { type: 'challenge', channel: 'browser' },
      });
      await challengeAnswered(created.body, { password: run.password });

      const completed = await ctx.waitForState(created.body.id, 'completed', undefined, run.apiKey);
      expect(completed).toMatchObject({ outcome: 'authenticated', response_code: 'Y' });
      expect(await ctx.statePath(created.body.id, run.apiKey)).toEqual([
        'created',
        'challenge_required',
        'result_ready',
        'completed',
      ]);
    });

    it('ends a cancelled challenge as abandoned: retry the authentication', async () => {
      const created = await createWith(run, run.challenge).expect(201);
      await challengeAnswered(created.body, 'cancel');

      // Checkout refuses `complete` on an abandoned challenge (closed); Adyen has none to refuse.
      const ended = await waitUntil(async () => {
        const { body } = await ctx.client.as(run.apiKey).get(created.body.id).expect(200);
        return ['closed', 'completed'].includes(body.state) ? body : undefined;
      });
      expect(ended).toMatchObject({ outcome: 'abandoned', guidance: 'retry_authentication' });
    });
  });

  it('runs the app channel through Checkout', async () => {
    const created = await ctx.client
      .as(TEAM_B.apiKey)
      .create(aCreateBody('4485040371536584', { channel: 'app', channel_data: anAppChannel() }))
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'result_ready',
      routing: { provider: 'checkout' },
      outcome: 'authenticated',
    });
    await ctx.waitForState(created.body.id, 'completed', undefined, TEAM_B.apiKey);
  });

  it('refuses the app channel for a team routed only to Adyen: 422, nothing sent or kept', async () => {
    const refused = await ctx.client
      .create(aCreateBody('4000009900000012', { channel: 'app', channel_data: anAppChannel() }))
      .expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'NO_PROVIDER_CAN_SERVE',
      details: { unmet_needs: { adyen: expect.arrayContaining(['channel']) } },
    });
    const counters = await (await ctx.adyen!.control('GET', '/counters')).json();
    expect(counters).toMatchObject({ authentications_created: 0 });
    expect(await ctx.sql('SELECT id FROM authentications')).toEqual([]);
  });
});
