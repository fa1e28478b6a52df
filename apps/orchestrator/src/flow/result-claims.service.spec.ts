import type { ClaimedPayment, ThreeDsProviders } from '@app/domain';
import type {
  AuthenticationEntity,
  ClaimWrite,
  ReleaseWrite,
  ResultClaimEntity,
  ResultClaimRepository,
} from '@app/persistence';
import { Registry } from 'prom-client';
import { CLAIM_OUTCOMES, ClaimMetrics, type ClaimOutcome } from '../metrics/claim.metrics.js';
import { ResultClaims } from './result-claims.service.js';

const PAYMENT: ClaimedPayment = {
  paymentReference: 'PAY-1',
  psp: 'stripe',
  amount: 6540,
  currency: 'EUR',
};

/** A completed Visa Y with its ECI and cryptogram: a result a payment may claim. */
const AUTHENTICATION = {
  id: 'auth_1',
  teamId: 'team-a',
  state: 'completed',
  outcome: 'authenticated',
  scheme: 'visa',
  provider: 'the-provider',
  providerSessionId: 'sid_abcdefghijklmnopqrstuvwxyz',
  result: {
    protocol_version: '2.2.0',
    three_ds_server_transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
    eci: '05',
  },
  cryptogramCiphertext: 'v1.sealed',
  amount: 6540,
  currency: 'EUR',
} as AuthenticationEntity;

const aClaim = (overrides: Partial<ResultClaimEntity> = {}) =>
  ({ id: 'clm_1', ...PAYMENT, status: 'active', ...overrides }) as ResultClaimEntity;

/** The ledger answering each claim with the next of `writes`, and each release with `release`. */
function claimsWith(writes: ClaimWrite[], release?: ReleaseWrite, held = aClaim()) {
  const ledger = {
    claim: () => Promise.resolve(writes.shift()!),
    findOne: () => Promise.resolve(held),
    release: () => Promise.resolve(release!),
  } as unknown as ResultClaimRepository;
  const registry = new Registry();
  // No capability: the format PAYMENT asks for (Stripe's) needs none.
  const runner = { capabilities: {} };
  const providers = { of: () => runner } as unknown as ThreeDsProviders;
  const claims = new ResultClaims(
    ledger,
    new ClaimMetrics(registry),
    { validityMs: 1000 },
    providers,
  );
  const counts = async (): Promise<Record<ClaimOutcome, number>> => {
    const { values } = await registry.getSingleMetric('threeds_claims_total')!.get();
    return Object.fromEntries(
      values.map(({ labels, value }) => [labels.outcome as ClaimOutcome, value]),
    ) as Record<ClaimOutcome, number>;
  };
  return { claims, counts };
}

/** Every outcome at 0. */
const NOTHING = Object.fromEntries(CLAIM_OUTCOMES.map((each) => [each, 0]));

/** Every outcome at 0 but `outcome`, at 1. */
const onlyOne = (outcome: ClaimOutcome) => ({ ...NOTHING, [outcome]: 1 });

describe('ResultClaims metrics (docs/claims.md#metrics)', () => {
  it('shows every outcome at 0 before any claim', async () => {
    const { counts } = claimsWith([]);
    expect(await counts()).toEqual(NOTHING);
  });

  it.each<[ClaimOutcome, ClaimWrite[], ClaimedPayment]>([
    ['created', [{ kind: 'created', claim: aClaim() }], PAYMENT],
    ['replayed', [{ kind: 'held', claim: aClaim() }], PAYMENT],
    [
      'already_claimed',
      [{ kind: 'held', claim: aClaim() }],
      { ...PAYMENT, paymentReference: 'P2' },
    ],
    ['refused', [{ kind: 'held', claim: aClaim() }], { ...PAYMENT, amount: 100 }],
    ['expired', [{ kind: 'expired' }], PAYMENT],
    ['conflict', [{ kind: 'none' }, { kind: 'none' }], PAYMENT],
  ])('counts a claim that ends %s once', async (outcome, writes, payment) => {
    const { claims, counts } = claimsWith(writes);
    await claims.claim(AUTHENTICATION, payment).catch(() => undefined);
    expect(await counts()).toEqual(onlyOne(outcome));
  });

  it('counts a refusal before the ledger is asked (more than was authenticated)', async () => {
    const { claims, counts } = claimsWith([]);
    await expect(claims.claim(AUTHENTICATION, { ...PAYMENT, amount: 6541 })).rejects.toThrow();
    expect(await counts()).toEqual(onlyOne('refused'));
  });

  it('answers CONCURRENT_UPDATE when two claims in a row lost to released ones', async () => {
    const { claims } = claimsWith([{ kind: 'none' }, { kind: 'none' }]);
    await expect(claims.claim(AUTHENTICATION, PAYMENT)).rejects.toMatchObject({
      code: 'CONCURRENT_UPDATE',
    });
  });

  it('counts a release that changed the claim, not one of a claim released already', async () => {
    const released = aClaim({ status: 'released' });
    const changed = claimsWith([], { kind: 'released', claim: released });
    await changed.claims.release(AUTHENTICATION, 'clm_1', 'declined');
    expect(await changed.counts()).toEqual(onlyOne('released'));

    const again = claimsWith([], undefined, released);
    await again.claims.release(AUTHENTICATION, 'clm_1', 'declined');
    expect(await again.counts()).toEqual(NOTHING);
  });
});
