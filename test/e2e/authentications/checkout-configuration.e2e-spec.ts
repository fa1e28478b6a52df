import pg from 'pg';
import { TeamApi } from '../../support/api.js';
import { emptyTables } from '../../support/e2e-database.js';
import type { OrchestratorUnderTest } from '../../support/orchestrator-app.js';
import { startWithRecordedCheckout } from '../../support/recorded-checkout.js';
import type { RecordedRequest } from '../../support/http-recorder.js';
import type { RecordingProxy } from '../../support/recording-proxy.js';
import { aCreateBody } from '../../support/result-expectations.js';
import {
  aBrowserChannel,
  aMerchantInitiatedChannel,
  anAppChannel,
} from '../../support/simulator/factories.js';
import type { SimulatorUnderTest } from '../../support/simulator/simulator-app.js';
import { PROCESSING_CHANNELS, TEAM_A, TEAM_B, testDatabaseUrl } from '../../support/test-config.js';

const DEFAULT_CHANNEL = PROCESSING_CHANNELS.default;
const [TEAM_A_CHANNEL, TEAM_A_SECOND_CHANNEL] = PROCESSING_CHANNELS.teamA;
const CARD = '4485040371536584';

/**
 * Deployment settings as Checkout sees them, through a proxy that records what reaches it:
 * the processing channel of each create, and token scopes limited to the enabled channels.
 */
describe('Checkout configuration: processing channels and channels (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let checkout: RecordingProxy;
  let orchestrator: OrchestratorUnderTest;
  let db: pg.Client;
  /** Token requests of earlier tests (the token is cached across them). */
  const earlierTokenRequests: RecordedRequest[] = [];

  beforeAll(async () => {
    ({ simulator, checkout, orchestrator } = await startWithRecordedCheckout({
      checkout: {
        channels: ['browser'],
        processingChannels: {
          default: DEFAULT_CHANNEL,
          // Team B has no entry of its own: it may use the default only.
          byTeam: new Map([[TEAM_A.team, [TEAM_A_CHANNEL, TEAM_A_SECOND_CHANNEL]]]),
        },
      },
      security: { browserBaseUrl: 'https://pay.example.test' },
    }));
    db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    earlierTokenRequests.push(...checkout.sent('POST', '/connect/token'));
    checkout.clear();
  });
  afterAll(async () => {
    await db.end();
    await orchestrator.close();
    await checkout.close();
    await simulator.close();
  });

  // A counter, not Math.random(): its 16 digits can pass the Luhn check, and a card-like key is refused.
  let keys = 0;
  const create = (apiKey: string, body: object, idempotencyKey = `key-config-${++keys}`) =>
    new TeamApi(orchestrator.url, apiKey).createUnchecked(body, { idempotencyKey });

  const sessionRequests = () => checkout.sent('POST', '/sessions').map((one) => one.body!);

  it('sends the default processing channel for a team without its own', async () => {
    await create(TEAM_B.apiKey, aCreateBody(CARD)).expect(201);
    expect(sessionRequests()).toEqual([
      expect.objectContaining({ processing_channel_id: DEFAULT_CHANNEL }),
    ]);
  });

  it("sends the team's processing channel over the default", async () => {
    await create(TEAM_A.apiKey, aCreateBody(CARD)).expect(201);
    expect(sessionRequests()).toEqual([
      expect.objectContaining({ processing_channel_id: TEAM_A_CHANNEL }),
    ]);
  });

  it.each([
    ['team A, its second', TEAM_A.apiKey, TEAM_A_SECOND_CHANNEL],
    ['team A, its first', TEAM_A.apiKey, TEAM_A_CHANNEL],
    ['team B (no entry), the default', TEAM_B.apiKey, DEFAULT_CHANNEL],
  ])(
    "sends the request's own processing channel when it is the team's: %s",
    async (_, apiKey, channel) => {
      await create(apiKey, aCreateBody(CARD, { processing_channel_id: channel })).expect(201);
      expect(sessionRequests()).toEqual([
        expect.objectContaining({ processing_channel_id: channel }),
      ]);
    },
  );

  it.each([
    ["team B asks for team A's", TEAM_B.apiKey, TEAM_A_CHANNEL],
    ['team A asks for the default (it has channels of its own)', TEAM_A.apiKey, DEFAULT_CHANNEL],
    ['team A asks for one nobody has', TEAM_A.apiKey, PROCESSING_CHANNELS.teamB[0]],
  ])(
    "refuses a processing channel that is not the team's with 403, before anything is recorded: %s",
    async (_, apiKey, channel) => {
      const key = `not-its-channel-${++keys}`;
      const refused = await create(
        apiKey,
        aCreateBody(CARD, { processing_channel_id: channel }),
        key,
      ).expect(403);
      expect(refused.body.error).toMatchObject({ code: 'PROCESSING_CHANNEL_NOT_ALLOWED' });
      expect(JSON.stringify(refused.body)).not.toContain(channel);
      expect(sessionRequests()).toEqual([]);
      const rows = await db.query(
        `SELECT (SELECT count(*) FROM authentications)::int AS authentications,
              (SELECT count(*) FROM idempotency_keys)::int AS idempotency_keys`,
      );
      expect(rows.rows[0]).toEqual({ authentications: 0, idempotency_keys: 0 });

      // The key was not spent: the same key without the channel starts an authentication.
      await create(apiKey, aCreateBody(CARD), key).expect(201);
    },
  );

  it('gives Checkout the callback URL and the browser its own base URL', async () => {
    const created = await create(TEAM_A.apiKey, aCreateBody(CARD)).expect(201);
    const [sent] = sessionRequests();
    expect(sent.completion).toEqual({
      type: 'non_hosted',
      callback_url: expect.stringMatching(
        new RegExp(`^http://127\\.0\\.0\\.1:\\d+/callbacks/checkout/${created.body.id}/`),
      ),
      challenge_notification_url: `https://pay.example.test/notifications/challenge/${created.body.id}`,
    });
  });

  it('asks Checkout for the browser scope only', async () => {
    await create(TEAM_A.apiKey, aCreateBody(CARD, { channel_data: aBrowserChannel() })).expect(201);
    const tokenRequests = [...earlierTokenRequests, ...checkout.sent('POST', '/connect/token')];
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(new Set(tokenRequests.map((one) => one.body?.scope))).toEqual(
      new Set(['sessions:browser']),
    );
  });

  it.each([
    ['app', anAppChannel()],
    ['merchant_initiated', aMerchantInitiatedChannel()],
  ])(
    'refuses a create on the %s channel, not enabled, before anything is recorded',
    async (channel, channelData) => {
      const refused = await create(
        TEAM_A.apiKey,
        aCreateBody(CARD, { channel, channel_data: channelData }),
        `${channel}-channel-key`,
      ).expect(422);
      expect(refused.body.error).toMatchObject({
        code: 'CHANNEL_NOT_ENABLED',
        details: { channel, enabled_channels: ['browser'] },
      });
      expect(sessionRequests()).toEqual([]);
      const rows = await db.query(
        `SELECT (SELECT count(*) FROM authentications)::int AS authentications,
              (SELECT count(*) FROM idempotency_keys)::int AS idempotency_keys`,
      );
      expect(rows.rows[0]).toEqual({ authentications: 0, idempotency_keys: 0 });

      // The key was not spent: the same key with an enabled channel starts an authentication.
      await create(TEAM_A.apiKey, aCreateBody(CARD), `${channel}-channel-key`).expect(201);
    },
  );
});
