import pg from 'pg';
import request from 'supertest';
import type { CheckoutConfig } from '../../apps/orchestrator/src/config/checkout.config.js';
import type { ClaimsConfig } from '../../apps/orchestrator/src/config/claims.config.js';
import type { EventsConfig } from '../../apps/orchestrator/src/config/events.config.js';
import type { JobsConfig } from '../../apps/orchestrator/src/config/jobs.config.js';
import type { ProviderBreakerConfig } from '../../apps/orchestrator/src/config/provider-breaker.config.js';
import type { SecurityConfig } from '../../apps/orchestrator/src/config/security.config.js';
import type { StrategyConfig } from '../../apps/orchestrator/src/config/strategy.config.js';
import {
  ADYEN_API_KEY,
  ADYEN_CLIENT_KEY,
  ADYEN_HMAC_KEY,
  ADYEN_MERCHANT_ACCOUNT,
  ADYEN_WEBHOOK_AUTH,
  startAdyenSimulator,
  type AdyenSimulatorUnderTest,
} from './adyen-simulator/simulator-app.js';
import { adyenUrlsAt } from './adyen-client/scripted-adyen.js';
import { TeamApi } from './api.js';
import { emptyTables } from './e2e-database.js';
import type { LogCapture } from './file-logger.js';
import { freePort } from './free-port.js';
import { startOrchestrator, type OrchestratorUnderTest } from './orchestrator-app.js';
import { CheckoutApi } from './simulator/checkout-api.js';
import {
  SIMULATOR_CLIENT,
  startSimulator,
  type SimulatorUnderTest,
} from './simulator/simulator-app.js';
import { anAdyenConfig, TEAM_A, testDatabaseUrl } from './test-config.js';

/**
 * The orchestrator (real AppModule, real PostgreSQL) talking over real HTTP to the simulator,
 * both on their own ports, as in production.
 */
export class Orchestration {
  private db?: pg.Client;
  /** Team A's typed client (`client.as(key)` for another team's). */
  readonly client: TeamApi;

  private constructor(
    readonly orchestrator: OrchestratorUnderTest,
    readonly simulator: SimulatorUnderTest,
    readonly checkout: CheckoutApi,
    /** The Adyen simulator, when started with `adyen: true`. */
    readonly adyen?: AdyenSimulatorUnderTest,
  ) {
    this.client = new TeamApi(orchestrator.url);
  }

  /**
   * `checkoutTimeoutMs`: the orchestrator's deadline for each Checkout call;
   * `checkoutAuthenticationTimeoutMs`: only for those Checkout answers after the issuer (a create
   * with channel data, collect-data), so a spec can let one of them time out while the token
   * and reads keep a deadline no busy machine misses; `webhooks`: the simulator sends its signed
   * webhooks to the orchestrator (off by default: fewer moving parts); `breaker`: the provider's
   * circuit breaker (production's by default); `adyen`: the Adyen simulator runs too and the
   * orchestrator is configured for it (its webhooks, signed, to `/webhooks/adyen` when `webhooks`).
   */
  static async start(
    options: {
      checkoutTimeoutMs?: number;
      checkoutAuthenticationTimeoutMs?: number;
      logger?: LogCapture;
      webhooks?: boolean;
      jobs?: Partial<JobsConfig>;
      events?: Partial<EventsConfig>;
      security?: Partial<SecurityConfig>;
      claims?: Partial<ClaimsConfig>;
      breaker?: Partial<ProviderBreakerConfig>;
      /** The teams' exemption and routing policies (EXEMPTION_POLICIES, ROUTING_POLICIES …). */
      strategy?: Partial<StrategyConfig>;
      /** The enabled Checkout channels (CHECKOUT_CHANNELS); browser and app by default. */
      channels?: CheckoutConfig['channels'];
      adyen?: boolean;
    } = {},
  ): Promise<Orchestration> {
    const port = await freePort();
    const simulator = await startSimulator({
      webhook: options.webhooks ? { url: `http://127.0.0.1:${port}/webhooks/checkout` } : {},
    });
    const adyen = options.adyen
      ? await startAdyenSimulator({
          webhook: options.webhooks
            ? {
                url: `http://127.0.0.1:${port}/webhooks/adyen`,
                basicAuth: ADYEN_WEBHOOK_AUTH,
              }
            : {},
        })
      : undefined;
    const orchestrator = await startOrchestrator({
      port,
      ...(adyen
        ? {
            adyen: anAdyenConfig({
              configured: true,
              ...adyenUrlsAt(adyen.url),
              apiKey: ADYEN_API_KEY,
              merchantAccount: ADYEN_MERCHANT_ACCOUNT,
              clientKey: ADYEN_CLIENT_KEY,
              hmacKeys: [ADYEN_HMAC_KEY],
              webhookUsername: ADYEN_WEBHOOK_AUTH.username,
              webhookPassword: ADYEN_WEBHOOK_AUTH.password,
            }),
          }
        : {}),
      logger: options.logger,
      jobs: options.jobs,
      events: options.events,
      security: options.security,
      claims: options.claims,
      breaker: options.breaker,
      strategy: options.strategy,
      checkout: {
        apiUrl: simulator.url,
        tokenUrl: `${simulator.url}/connect/token`,
        clientId: SIMULATOR_CLIENT.id,
        clientSecret: SIMULATOR_CLIENT.secret,
        ...(options.channels ? { channels: options.channels } : {}),
        ...(options.checkoutTimeoutMs
          ? {
              timeoutMs: options.checkoutTimeoutMs,
              authenticationTimeoutMs: options.checkoutTimeoutMs,
            }
          : {}),
        ...(options.checkoutAuthenticationTimeoutMs
          ? { authenticationTimeoutMs: options.checkoutAuthenticationTimeoutMs }
          : {}),
      },
    });
    return new Orchestration(orchestrator, simulator, new CheckoutApi(simulator.url), adyen);
  }

  /**
   * supertest against the orchestrator with a team's API key, for raw HTTP; creates go through
   * `client`, the typed client teams get.
   */
  api(method: 'get' | 'post' | 'patch', path: string, apiKey: string = TEAM_A.apiKey) {
    return request(this.orchestrator.http)[method](path).set('authorization', `Bearer ${apiKey}`);
  }

  /** Polls until the authentication reaches `state` (completion runs after the response). */
  async waitForState(
    id: string,
    state: string,
    timeoutMs = 20_000,
    apiKey: string = TEAM_A.apiKey,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.api('get', `/v1/authentications/${id}`, apiKey);
      if (body.state === state) return body as Record<string, unknown>;
      if (Date.now() > deadline) {
        const events = await this.api('get', `/v1/authentications/${id}/events`, apiKey);
        const timeline = JSON.stringify(events.body);
        const jobs = JSON.stringify(
          await this.sql(
            `SELECT task_identifier, key, run_at, attempts, last_error, locked_by FROM graphile_worker.jobs`,
          ),
        );
        const [due] = await this.sql(
          'SELECT due_at, due_task, due_payload FROM authentications WHERE id = $1',
          [id],
        );
        // What came in from Checkout, for a wait that depends on a webhook.
        const providerEvents = JSON.stringify(await this.sql(`SELECT * FROM provider_events`));
        const webhooks = JSON.stringify((await this.checkout.control('GET', '/webhooks')).body);
        throw new Error(
          `${id} stayed ${String(body.state)}, expected ${state}; timeline: ${timeline}; ` +
            `jobs: ${jobs}; due: ${JSON.stringify(due)}; provider events: ${providerEvents}; webhooks sent: ${webhooks}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Checkout's own view of a session (OAuth read: with cryptogram and ECI). */
  async checkoutTruth(sessionId: string) {
    const response = await this.checkout.getSession(await this.checkout.token(), sessionId);
    if (response.status !== 200) throw new Error(`simulator GET ${sessionId}: ${response.status}`);
    return response.body;
  }

  /** GET /result in every format. */
  async resultsInEveryFormat(id: string) {
    const read = async (format: string) =>
      (await this.api('get', `/v1/authentications/${id}/result?format=${format}`).expect(200)).body;
    return {
      generic: await read('generic'),
      checkout: await read('checkout'),
      stripe: await read('stripe'),
      adyen: await read('adyen'),
    };
  }

  async statePath(id: string, apiKey: string = TEAM_A.apiKey): Promise<string[]> {
    const { body } = await this.api('get', `/v1/authentications/${id}/events`, apiKey).expect(200);
    return (body.data as { to_state: string | null }[]).flatMap((event) =>
      event.to_state ? [event.to_state] : [],
    );
  }

  /** How many times the orchestrator read each Checkout session (OAuth GET), by session id. */
  async checkoutReads(): Promise<Map<string, number>> {
    const { body } = await this.checkout.control('GET', '/requests');
    const reads = new Map<string, number>();
    for (const entry of body.requests as { route: string; sessionId?: string; auth: string }[]) {
      if (entry.route === 'GET /sessions/:id' && entry.sessionId && entry.auth === 'bearer') {
        reads.set(entry.sessionId, (reads.get(entry.sessionId) ?? 0) + 1);
      }
    }
    return reads;
  }

  /** A query on this worker's database, for what only the tables show. */
  async sql<R extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values: unknown[] = [],
  ): Promise<R[]> {
    if (!this.db) {
      this.db = new pg.Client({ connectionString: testDatabaseUrl() });
      await this.db.connect();
    }
    return (await this.db.query<R>(text, values)).rows;
  }

  /** Empties the tables and the job queue between tests, and resets the simulator. */
  async reset(): Promise<void> {
    await emptyTables(testDatabaseUrl());
    await this.checkout.control('POST', '/reset');
    await this.adyen?.control('POST', '/reset');
  }

  async close(): Promise<void> {
    await this.db?.end();
    await this.orchestrator.close();
    await this.simulator.close();
    await this.adyen?.close();
  }
}
