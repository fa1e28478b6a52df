import { TeamApi, type ApiCall } from './api.js';
import { aCreateBody } from './result-expectations.js';
import { answerChallenge, formOf } from './simulator/browser.js';
import { aBrowserChannel } from './simulator/factories.js';

/** One answer of an orchestrator to the load. */
export interface Answer {
  readonly status: number;
  readonly code?: string;
  readonly retryAfter: string | null;
}

interface Reply extends Answer {
  readonly body: Record<string, unknown>;
}

const CARDS = {
  frictionless: '4485040371536584',
  challenge: '4242424242424242',
  channelDataLater: '4556085951507152',
} as const;

/** Answers that say "ask again" (with the same Idempotency-Key), after `Retry-After` or 1 s. */
const RETRIED = new Set([
  'DATABASE_UNAVAILABLE',
  'IDEMPOTENCY_KEY_IN_USE',
  'CONCURRENT_UPDATE',
  'UPSTREAM_OUTCOME_UNKNOWN',
]);

/**
 * A steady stream of payment teams' flows against several orchestrators, as during an outage:
 * creates (with channel data, or channel data sent later to another instance), challenges
 * answered at the simulator's ACS and posted back to our notification page. A step answered
 * 503 DATABASE_UNAVAILABLE (or 409 in progress) is asked again with the same Idempotency-Key
 * after `Retry-After`, for up to `patienceMs`; after that the flow is left to the
 * orchestrators' deadlines. Pauses between flows only pace the load; nothing waits on time.
 */
export class OutageLoad {
  readonly answers: Answer[] = [];
  /** Created authentications, by the flow that created them. */
  readonly created = new Map<string, string>();
  /** Flows that broke off with no answer at all (a dead process, a refused connection). */
  readonly failures: string[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private flows = 0;
  private readonly apis: readonly TeamApi[];

  constructor(
    private readonly urls: readonly string[],
    apiKey: string,
    private readonly options: { clients: number; pauseMs: number; patienceMs: number },
  ) {
    this.apis = urls.map((url) => new TeamApi(url, apiKey));
  }

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.clients }, () => this.loop());
  }

  /** Stops starting flows and waits for those under way. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** How many answers of each kind, e.g. `201`, `503 DATABASE_UNAVAILABLE`. */
  tally(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { status, code } of this.answers) {
      const kind = code ? `${status} ${code}` : String(status);
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.flow(this.flows++).catch((error: unknown) => this.failures.push(String(error)));
      await pause(this.options.pauseMs);
    }
  }

  private async flow(n: number): Promise<void> {
    const kind = (['frictionless', 'challenge', 'channelDataLater'] as const)[n % 3];
    const instance = Math.floor(n / 3) % this.urls.length;
    const reference = `OUTAGE-${n}`;
    const body = aCreateBody(CARDS[kind], {
      reference,
      ...(kind === 'channelDataLater' ? {} : { channel_data: aBrowserChannel() }),
    });
    const created = await this.patiently(() =>
      this.apis[instance].create(body, { idempotencyKey: `outage-${n}` }),
    );
    if (created.status !== 201) return;
    const id = created.body.id as string;
    this.created.set(reference, id);
    let authentication = created.body;
    if (authentication.state === 'awaiting_channel_data') {
      const next = (instance + 1) % this.urls.length;
      const submitted = await this.patiently(() =>
        this.apis[next].channelData(id, aBrowserChannel()),
      );
      if (submitted.status !== 200) return;
      authentication = submitted.body;
    }
    if (authentication.state === 'challenge_required') await this.challenge(authentication);
  }

  /** The cardholder answers the ACS; the browser posts the CRes to our notification page once. */
  private async challenge(authentication: Record<string, unknown>): Promise<void> {
    const action = authentication.next_action as { acs_url: string; creq: string };
    const cres = await answerChallenge(action.acs_url, action.creq, { password: 'Checkout1!' });
    const notification = formOf(cres.html);
    await this.send(notification.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(notification.fields).toString(),
    });
  }

  private async patiently(attempt: () => ApiCall): Promise<Reply> {
    const giveUpAt = Date.now() + this.options.patienceMs;
    for (;;) {
      const { status, headers, body } = await attempt();
      const reply = this.tallied(status, body ?? {}, headers['retry-after'] ?? null);
      if (!reply.code || !RETRIED.has(reply.code) || Date.now() > giveUpAt) return reply;
      await pause(1000 * Number(reply.retryAfter ?? 1));
    }
  }

  /** One request to an orchestrator; its status and error code are kept for the tally. */
  private async send(url: string, init: RequestInit): Promise<Reply> {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    return this.tallied(response.status, parsed(text), response.headers.get('retry-after'));
  }

  private tallied(status: number, body: Record<string, unknown>, retryAfter: string | null): Reply {
    const code = (body.error as { code?: string } | undefined)?.code;
    const answer = { status, code, retryAfter };
    this.answers.push(answer);
    return { ...answer, body };
  }
}

function parsed(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {}; // a page, not JSON
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
