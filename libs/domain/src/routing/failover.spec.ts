import { chooseProvider, type BreakerReading } from './failover.js';
import type { ProviderNeed } from './provider-capabilities.js';
import type { RoutingDecision } from './routing-policy.js';

type Test = 'checkout' | 'adyen' | 'third';

const decisionFor = (...providers: Test[]): RoutingDecision<Test> => ({
  decided_by: 'rule',
  policy_version: 'v1',
  rule: 'r',
  providers,
});

const CLOSED: BreakerReading = { open: false };
const open = (retry_after_seconds?: number): BreakerReading =>
  retry_after_seconds === undefined ? { open: true } : { open: true, retry_after_seconds };

/** Breakers and unmet needs by provider; a provider not named is closed and serves. */
const choose = (
  decision: RoutingDecision<Test>,
  breakers: Partial<Record<Test, BreakerReading>> = {},
  unmet: Partial<Record<Test, ProviderNeed[]>> = {},
) =>
  chooseProvider(
    decision,
    (provider) => breakers[provider] ?? CLOSED,
    (provider) => unmet[provider] ?? [],
  );

describe('chooseProvider', () => {
  it('takes the primary when it serves and its breaker is closed', () => {
    expect(choose(decisionFor('checkout', 'adyen'))).toEqual({
      provider: 'checkout',
      fallback_used: false,
      skipped: [],
    });
  });

  it('skips a primary behind an open breaker for the next provider', () => {
    expect(choose(decisionFor('checkout', 'adyen'), { checkout: open(30) })).toEqual({
      provider: 'adyen',
      fallback_used: true,
      skipped: [{ provider: 'checkout', because: 'breaker_open' }],
    });
  });

  it('skips a primary that cannot serve, naming the unmet needs', () => {
    expect(choose(decisionFor('adyen', 'checkout'), {}, { adyen: ['hosted'] })).toEqual({
      provider: 'checkout',
      fallback_used: true,
      skipped: [{ provider: 'adyen', because: 'cannot_serve', unmet_needs: ['hosted'] }],
    });
  });

  it('tries the fallbacks in order, past several skips', () => {
    expect(
      choose(
        decisionFor('checkout', 'adyen', 'third'),
        { checkout: open() },
        { adyen: ['channel'] },
      ),
    ).toEqual({
      provider: 'third',
      fallback_used: true,
      skipped: [
        { provider: 'checkout', because: 'breaker_open' },
        { provider: 'adyen', because: 'cannot_serve', unmet_needs: ['channel'] },
      ],
    });
  });

  it('reads no breaker of a provider that cannot serve, nor of one after the chosen', () => {
    const read: Test[] = [];
    chooseProvider(
      decisionFor('adyen', 'checkout', 'third'),
      (provider) => (read.push(provider), CLOSED),
      (provider) => (provider === 'adyen' ? ['three_ds1_fallback'] : []),
    );
    expect(read).toEqual(['checkout']);
  });

  it('refuses when no provider can serve, whatever the breakers (422)', () => {
    expect(
      choose(
        decisionFor('checkout', 'adyen'),
        { adyen: open(1_000) },
        { checkout: ['checkout_payment_session'], adyen: ['channel', 'hosted'] },
      ),
    ).toEqual({
      refused: 'no_capable_provider',
      skipped: [
        {
          provider: 'checkout',
          because: 'cannot_serve',
          unmet_needs: ['checkout_payment_session'],
        },
        { provider: 'adyen', because: 'cannot_serve', unmet_needs: ['channel', 'hosted'] },
      ],
    });
  });

  it('refuses when every provider that could serve is behind an open breaker (503)', () => {
    expect(
      choose(
        decisionFor('checkout', 'adyen', 'third'),
        { checkout: open(30), third: open(5) },
        { adyen: ['hosted'] },
      ),
    ).toEqual({
      refused: 'all_unavailable',
      retry_after_seconds: 5,
      skipped: [
        { provider: 'checkout', because: 'breaker_open' },
        { provider: 'adyen', because: 'cannot_serve', unmet_needs: ['hosted'] },
        { provider: 'third', because: 'breaker_open' },
      ],
    });
  });

  it('says no Retry-After when no open breaker knows when it may close', () => {
    expect(choose(decisionFor('checkout'), { checkout: open() })).toEqual({
      refused: 'all_unavailable',
      skipped: [{ provider: 'checkout', because: 'breaker_open' }],
    });
  });

  it('takes the soonest known wait when only some breakers know theirs', () => {
    const choice = choose(decisionFor('checkout', 'adyen'), {
      checkout: open(),
      adyen: open(12),
    });
    expect(choice).toMatchObject({ refused: 'all_unavailable', retry_after_seconds: 12 });
  });
});
