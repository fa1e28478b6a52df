import {
  ProviderCircuitOpenError,
  ThreeDsProvider,
  type ProviderFailure,
  type ProviderSessionContext,
  type ProviderSnapshot,
} from '@app/domain';
import { Logger } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ProviderCircuitMetrics } from '../../metrics/provider-circuit.metrics.js';
import { countsAsFailure } from './provider-breaker.js';
import { ProviderBreakers } from './provider-breakers.js';
import { GuardedProvider } from './guarded-provider.js';

const CONTEXT = {} as ProviderSessionContext;
const SNAPSHOT = { providerSessionId: 'sid_1' } as ProviderSnapshot;
const THRESHOLD = 3;
const HALF_OPEN_AFTER_MS = 10_000;

/** A provider's error that says its class: the adapter below answers it from failureOf. */
class ProviderFault extends Error {
  constructor(readonly failure: ProviderFailure) {
    super(failure.class);
  }
}

const unavailable = () => new ProviderFault({ class: 'unavailable' });
const timedOut = () => new ProviderFault({ class: 'outcome_unknown' });
const busy = () => new ProviderFault({ class: 'busy' });
const notFound = () => new ProviderFault({ class: 'not_found' });
const rejected = () =>
  new ProviderFault({
    class: 'rejected',
    providerCodes: ['amount_invalid'],
    cardNotEnrolled: false,
    sessionMovedOn: false,
  });

/** An adapter whose next answers a test sets. */
class ScriptedAdapter extends ThreeDsProvider {
  readonly name = 'checkout';
  readonly channels = ['browser'] as const;
  readonly capabilities = {
    channels: ['browser'] as const,
    threeDs1Fallback: false,
    hosted: false,
    checkoutPaymentSession: false,
    channelDataAfterCreate: true,
    nonPayment: true,
    idempotentCreate: false,
  };
  readonly updateWindow = { holdMs: 1, waitMs: 1 };
  calls = 0;
  next: () => Promise<ProviderSnapshot> = () => Promise.resolve(SNAPSHOT);

  processingChannelsOf = () => ['pc_default'];
  createSession = () => this.call().then((snapshot) => ({ snapshot }));
  readSession = () => this.call();
  submitChannelData = () => this.call();
  reportMethodCompletion = () => this.call();
  complete = () => this.call().then(() => undefined);

  failureOf(error: unknown): ProviderFailure | null {
    return error instanceof ProviderFault ? error.failure : null;
  }

  private call(): Promise<ProviderSnapshot> {
    this.calls += 1;
    return this.next();
  }
}

function aGuardedAdapter() {
  const registry = new Registry();
  const breakers = new ProviderBreakers(
    { consecutiveFailures: THRESHOLD, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
    new ProviderCircuitMetrics(registry),
  );
  const adapter = new ScriptedAdapter();
  const guarded = new GuardedProvider(adapter, breakers.of(adapter));
  const metric = async (name: string, labels: Record<string, string>) => {
    const series = (await registry.getSingleMetric(name)!.get()).values;
    const match = series.find((one) =>
      Object.entries(labels).every(([key, value]) => one.labels[key] === value),
    );
    return match?.value;
  };
  return { adapter, guarded, breakers, metric };
}

async function failWith(sut: ReturnType<typeof aGuardedAdapter>, error: () => Error, times = 1) {
  sut.adapter.next = () => Promise.reject(error());
  for (let i = 0; i < times; i++) {
    await expect(sut.guarded.readSession('sid_1', CONTEXT)).rejects.toThrow();
  }
}

Logger.overrideLogger(false);

let now = 1_000_000;
const realNow = Date.now;
beforeEach(() => {
  Date.now = () => now;
});
afterEach(() => {
  Date.now = realNow;
});

describe('which provider failures count towards opening the breaker', () => {
  it.each([
    ['no usable answer (network, 5xx)', { class: 'unavailable' }, true],
    [
      'a call past its deadline, or a write that may have taken effect',
      { class: 'outcome_unknown' },
      true,
    ],
    ['"not now" (429, 503): an answer, with its own Retry-After', { class: 'busy' }, false],
    ["a refusal with the provider's codes", { class: 'rejected' }, false],
    ['an unknown session', { class: 'not_found' }, false],
    ["an error that is not the provider's", null, false],
  ] as const)('%s: %s', (_why, failure, counts) => {
    expect(countsAsFailure(failure as ProviderFailure | null)).toBe(counts);
  });
});

describe('the port behind its circuit breaker', () => {
  it('passes every call and answer through while closed, and says what the adapter says', async () => {
    const sut = aGuardedAdapter();
    await expect(sut.guarded.readSession('sid_1', CONTEXT)).resolves.toBe(SNAPSHOT);
    await expect(sut.guarded.complete('sid_1')).resolves.toBeUndefined();
    expect(sut.guarded).toMatchObject({ name: 'checkout', channels: ['browser'] });
    expect(sut.guarded.processingChannelsOf('team-a')).toEqual(['pc_default']);
    expect(sut.guarded.failureOf(notFound())).toEqual({ class: 'not_found' });
    expect(sut.guarded.availability()).toEqual({ circuit: 'closed', available: true });
  });

  it('never opens on answers, however many: refusals, unknown sessions, busy, foreign errors', async () => {
    const sut = aGuardedAdapter();
    await failWith(sut, rejected, 2 * THRESHOLD);
    await failWith(sut, notFound, 2 * THRESHOLD);
    await failWith(sut, busy, 2 * THRESHOLD);
    await failWith(sut, () => new TypeError('a bug of ours'), 2 * THRESHOLD);

    expect(sut.guarded.availability()).toEqual({ circuit: 'closed', available: true });
    expect(sut.adapter.calls).toBe(8 * THRESHOLD);
  });

  it('opens after the threshold of failures in a row; a success in between starts the count again', async () => {
    const sut = aGuardedAdapter();
    await failWith(sut, unavailable, THRESHOLD - 1);
    sut.adapter.next = () => Promise.resolve(SNAPSHOT);
    await sut.guarded.readSession('sid_1', CONTEXT);
    await failWith(sut, timedOut, THRESHOLD - 1);
    expect(sut.guarded.availability().circuit).toBe('closed');

    await failWith(sut, unavailable, 1);

    expect(sut.guarded.availability()).toEqual({
      circuit: 'open',
      available: false,
      retryAfterSeconds: HALF_OPEN_AFTER_MS / 1000,
    });
    expect(await sut.metric('threeds_provider_circuit_state', { provider: 'checkout' })).toBe(2);
  });

  it('refuses every call while open without calling the adapter, as an outage of its own code', async () => {
    const sut = aGuardedAdapter();
    await failWith(sut, unavailable, THRESHOLD);
    const callsWhenOpened = sut.adapter.calls;
    now += 2_500;

    const refusal = await sut.guarded.complete('sid_1').catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(ProviderCircuitOpenError);
    expect(refusal).toMatchObject({
      code: 'PROVIDER_CIRCUIT_OPEN',
      retryAfterSeconds: 8,
      details: { provider: 'checkout', retry_after_seconds: 8 },
    });
    expect(sut.guarded.failureOf(refusal)).toEqual({ class: 'unavailable' });
    await expect(
      sut.guarded.createSession('team-a', {} as never, {} as never, CONTEXT),
    ).rejects.toThrow(ProviderCircuitOpenError);
    expect(sut.adapter.calls).toBe(callsWhenOpened);
    const refused = { provider: 'checkout', operation: 'complete' };
    expect(await sut.metric('threeds_provider_calls_refused_total', refused)).toBe(1);
  });

  it('lets exactly one probe through once half-open is due, refuses the rest, and closes on its success', async () => {
    const sut = aGuardedAdapter();
    await failWith(sut, unavailable, THRESHOLD);
    now += HALF_OPEN_AFTER_MS;
    expect(sut.guarded.availability()).toEqual({ circuit: 'open', available: true });
    let answer!: (snapshot: ProviderSnapshot) => void;
    sut.adapter.next = () => new Promise((resolve) => (answer = resolve));

    const probe = sut.guarded.readSession('sid_1', CONTEXT);
    const meanwhile = sut.guarded.readSession('sid_1', CONTEXT);

    await expect(meanwhile).rejects.toThrow(ProviderCircuitOpenError);
    expect(sut.guarded.availability()).toMatchObject({ circuit: 'half_open', available: false });
    expect(await sut.metric('threeds_provider_circuit_state', { provider: 'checkout' })).toBe(1);
    answer(SNAPSHOT);
    await expect(probe).resolves.toBe(SNAPSHOT);
    expect(sut.guarded.availability()).toEqual({ circuit: 'closed', available: true });
    expect(sut.breakers.availabilities()).toEqual({
      checkout: { circuit: 'closed', available: true },
    });
    expect(await sut.metric('threeds_provider_circuit_state', { provider: 'checkout' })).toBe(0);
    const transitions = (state: string) =>
      sut.metric('threeds_provider_circuit_transitions_total', { provider: 'checkout', state });
    expect([
      await transitions('open'),
      await transitions('half_open'),
      await transitions('closed'),
    ]).toEqual([1, 1, 1]);
  });

  it('opens again for another wait when the probe fails; a probe the provider answers with a refusal closes it', async () => {
    const sut = aGuardedAdapter();
    await failWith(sut, unavailable, THRESHOLD);
    now += HALF_OPEN_AFTER_MS;

    await failWith(sut, timedOut, 1);
    expect(sut.guarded.availability()).toMatchObject({ circuit: 'open', available: false });
    now += HALF_OPEN_AFTER_MS;
    await failWith(sut, rejected, 1);

    expect(sut.guarded.availability()).toEqual({ circuit: 'closed', available: true });
  });
});
