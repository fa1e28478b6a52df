import { randomUUID } from 'node:crypto';
import type { TeamApi } from '../../support/api.js';
import { scrapeMetrics, type Scrape } from '../../support/metrics-scrape.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import {
  answerChallenge,
  formOf,
  postForm,
  type ChallengeAnswer,
} from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';
const CHALLENGE_Y = '4242424242424242';
/** contracts/checkout/test-cards.json: refused without a challenge (transStatus R). */
const FRICTIONLESS_R = '4275765574319271';
/** Refused at the create: no session, so its scheme is its BIN range's. */
const NOT_ENROLLED = '4484070000035519';
const PASSWORD = { password: 'Checkout1!' };

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rate = (numerator: number, denominator: number) => ({
  rate: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

const noCodes = {
  response_code: null,
  response_status_reason: null,
  status_reason: null,
  challenge_cancel_reason: null,
  failure_reason: null,
};

/**
 * GET /v1/analytics/authentications over a known mix of one team's authentications: exact
 * counts, rates and failure reasons per scheme × channel × exemption, the same numbers in
 * /metrics, nothing of another team, and a bad window refused.
 */
describe('outcome analytics (e2e)', () => {
  let ctx: Orchestration;
  let teamB: TeamApi;

  beforeAll(async () => {
    ctx = await Orchestration.start();
    teamB = ctx.client.as(TEAM_B.apiKey);
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const create = async (card: string, overrides: Body = {}, api: TeamApi = ctx.client) =>
    (
      await api
        .create(
          aCreateBody(card, {
            reference: `ORDER-${randomUUID()}`,
            channel_data: aBrowserChannel(),
            ...overrides,
          }),
        )
        .expect(201)
    ).body as Body;

  /** The cardholder answers (or cancels) at the ACS; the browser brings the CRes back. */
  const challenge = async (card: string, answer: ChallengeAnswer, endsIn: string) => {
    const challenged = await create(card);
    expect(challenged.state).toBe('challenge_required');
    const cresPage = await answerChallenge(
      challenged.next_action.acs_url,
      challenged.next_action.creq,
      answer,
    );
    const notification = formOf(cresPage.html);
    expect((await postForm(notification.action, notification.fields)).status).toBe(200);
    return ctx.waitForState(challenged.id, endsIn);
  };

  const settled = async (card: string, overrides: Body = {}) => {
    const created = await create(card, overrides);
    return ctx.waitForState(created.id, 'completed');
  };

  it('counts a mix of frictionless, challenged, abandoned, refused, not enrolled and open authentications', async () => {
    const before = await scrapeMetrics(ctx.orchestrator.http);
    await settled(FRICTIONLESS_Y);
    await challenge(CHALLENGE_Y, PASSWORD, 'completed');
    const abandoned = await challenge(CHALLENGE_Y, 'cancel', 'closed');
    const refused = await settled(FRICTIONLESS_R);
    expect((await create(CHALLENGE_Y)).state).toBe('challenge_required');
    expect(await create(NOT_ENROLLED)).toMatchObject({ state: 'closed', outcome: 'unavailable' });
    // EUR 20.00 is low value: the issuer applies it (I); at EUR 100.00 it refuses and authenticates.
    const exempted = await settled(FRICTIONLESS_Y, {
      amount: 2_000,
      challenge_indicator: 'low_value',
    });
    expect(exempted.outcome).toBe('informational');
    await settled(FRICTIONLESS_Y, { amount: 10_000, challenge_indicator: 'low_value' });

    const summary = await ctx.client.analytics().expect(200);
    const visaBrowser = { scheme: 'visa', channel: 'browser' };
    expect(summary.body.groups).toEqual([
      {
        ...visaBrowser,
        exemption: 'none',
        exemption_applied: null,
        counts: {
          total: 6,
          finished: 5,
          frictionless: 2,
          challenged: 2,
          succeeded: 2,
          failed: 3,
          abandoned: 1,
        },
        rates: {
          frictionless: rate(2, 4),
          challenge: rate(2, 4),
          success: rate(2, 5),
          abandonment: rate(1, 2),
        },
        failure_reasons: [
          {
            ...noCodes,
            outcome: 'abandoned',
            response_code: abandoned.response_code,
            status_reason: abandoned.status_reason,
            challenge_cancel_reason: 'cardholder_cancel',
            count: 1,
          },
          {
            ...noCodes,
            outcome: 'rejected',
            response_code: 'R',
            response_status_reason: '11',
            status_reason: refused.status_reason,
            count: 1,
          },
          { ...noCodes, outcome: 'unavailable', failure_reason: 'card_not_enrolled', count: 1 },
        ],
      },
      ...[false, true].map((applied) => ({
        ...visaBrowser,
        exemption: 'low_value',
        exemption_applied: applied,
        counts: {
          total: 1,
          finished: 1,
          frictionless: 1,
          challenged: 0,
          succeeded: applied ? 0 : 1,
          failed: 0,
          abandoned: 0,
        },
        rates: {
          frictionless: rate(1, 1),
          challenge: rate(0, 1),
          success: rate(applied ? 0 : 1, 1),
          abandonment: rate(0, 0),
        },
        failure_reasons: [],
      })),
    ]);
    expect(summary.body.totals).toEqual({
      counts: {
        total: 8,
        finished: 7,
        frictionless: 4,
        challenged: 2,
        succeeded: 3,
        failed: 3,
        abandoned: 1,
      },
      rates: {
        frictionless: rate(4, 6),
        challenge: rate(2, 6),
        success: rate(3, 7),
        abandonment: rate(1, 2),
      },
    });

    const after = await scrapeMetrics(ctx.orchestrator.http);
    expectMetricsToAgree(before, after);
  });

  /** The dashboard's series moved by what the summary counted (team A's, in this process). */
  const expectMetricsToAgree = (before: Scrape, after: Scrape) => {
    const delta = (name: string, labels: Record<string, string>) =>
      after.value(name, { team: TEAM_A.team, ...labels }) -
      before.value(name, { team: TEAM_A.team, ...labels });
    const outcomes = (labels: Record<string, string>) =>
      delta('threeds_authentication_outcomes_total', { scheme: 'visa', ...labels });
    expect(outcomes({})).toBe(7);
    expect(outcomes({ flow: 'none', outcome: 'unavailable' })).toBe(1);
    expect(outcomes({ exemption: 'none', flow: 'frictionless' })).toBe(2);
    expect(outcomes({ exemption: 'none', flow: 'challenge' })).toBe(2);
    expect(outcomes({ flow: 'challenge', outcome: 'abandoned' })).toBe(1);
    expect(outcomes({ exemption: 'low_value', outcome: 'informational' })).toBe(1);
    expect(outcomes({ exemption: 'low_value', outcome: 'authenticated' })).toBe(1);
    const reasons = (reason: string) =>
      delta('threeds_authentication_failure_reasons_total', { scheme: 'visa', reason });
    expect([reasons('abandoned'), reasons('R_11'), reasons('card_not_enrolled')]).toEqual([
      1, 1, 1,
    ]);
    const exemptions = (applied: string) =>
      delta('threeds_exemption_requests_total', { exemption: 'low_value', applied });
    expect([exemptions('true'), exemptions('false')]).toEqual([1, 1]);
  };

  it("counts only the calling team's authentications", async () => {
    await settled(FRICTIONLESS_Y);
    // A frictionless result is final at once: the answer to the create already has it.
    expect((await create(FRICTIONLESS_R, {}, teamB)).state).toBe('result_ready');

    const [mine, theirs] = [await ctx.client.analytics(), await teamB.analytics()];
    expect(mine.body.totals.counts).toMatchObject({ total: 1, succeeded: 1, failed: 0 });
    expect(theirs.body.totals.counts).toMatchObject({ total: 1, succeeded: 0, failed: 1 });
    expect(theirs.body.groups).toHaveLength(1);
  });

  it('counts the authentications created in the window asked for', async () => {
    const created = await settled(FRICTIONLESS_Y);
    const at = Date.parse(created.created_at as string);
    const iso = (ms: number) => new Date(ms).toISOString();
    const around = await ctx.client.analytics({ from: iso(at), to: iso(at + 1) }).expect(200);
    expect(around.body).toMatchObject({ from: iso(at), to: iso(at + 1) });
    expect(around.body.totals.counts.total).toBe(1);
    const before = await ctx.client.analytics({ from: iso(at - 60_000), to: iso(at) }).expect(200);
    expect(before.body).toMatchObject({ groups: [], totals: { counts: { total: 0 } } });
    expect(before.body.totals.rates.success).toEqual(rate(0, 0));
  });

  it.each([
    [
      { from: 'yesterday' },
      'from',
      'must be an ISO 8601 date and time, such as 2025-02-14T09:30:00Z',
    ],
    [{ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'from', 'must be before to'],
    [
      { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
      'to',
      'must be at most 31 days after from',
    ],
  ])('refuses the window %j: 400 VALIDATION_FAILED', async (window, param, message) => {
    const refused = await ctx.client.analytics(window).expect(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ param, message }] },
    });
  });

  it('needs a team API key', async () => {
    await ctx.api('get', '/v1/analytics/authentications', 'not-a-key-of-any-team').expect(401);
  });
});
