import { Orchestration } from '../../support/orchestration.js';
import { pspViolations } from '../../support/psp-contract.js';
import { aCreateBody, expectedFormats } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

type Json = Record<string, unknown>;

/**
 * Issue 20: guidance from the whole result, and every field a PSP or the cardholder needs, in
 * each format as the PSP documents it (docs/result-formats.md, docs/guidance.md).
 */
describe('result fields and guidance (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  /** A browser authentication with channel data at create, run to `completed`. */
  const completedWith = async (card: string, overrides: Json = {}) => {
    const created = await ctx.client
      .create(aCreateBody(card, { channel_data: aBrowserChannel(), ...overrides }))
      .expect(201);
    const id = created.body.id as string;
    const completed = await ctx.waitForState(id, 'completed');
    const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
    const results = await ctx.resultsInEveryFormat(id);
    return { id, completed, truth, results };
  };

  it('an exemption the issuer accepted (I) proceeds without liability shift', async () => {
    // EUR 25.00: within the simulated issuer's low-value rule (docs/simulator-issuer-model.md).
    const { id, completed, truth, results } = await completedWith('4485040371536584', {
      challenge_indicator: 'low_value',
      amount: 2500,
    });
    expect(truth).toMatchObject({
      status: 'approved',
      response_code: 'I',
      exemption: { applied: 'low_value' },
    });
    expect(completed).toMatchObject({
      outcome: 'informational',
      guidance: 'proceed_without_liability_shift',
    });
    expect(results).toEqual(
      expectedFormats(truth, 'informational', 'proceed_without_liability_shift', id),
    );
    // Stripe has no low-value exemption: nothing rather than its TRA value `low_risk`.
    expect(results.stripe.payment_method_options.card.three_d_secure).not.toHaveProperty(
      'exemption_indicator',
    );
    expect(results.adyen.threeDS2Result).toMatchObject({ exemptionIndicator: 'lowValue' });
    // transStatus I is one of each PSP's documented values.
    expect(pspViolations('stripe', results.stripe)).toEqual([]);
    expect(pspViolations('adyen', results.adyen)).toEqual([]);
  });

  it('a Cartes Bancaires result carries score, algorithm and exemption to every PSP', async () => {
    const { id, truth, results } = await completedWith('4319863787850170');
    expect(truth).toMatchObject({
      scheme: 'cartes_bancaires',
      scheme_info: { name: 'cartes_bancaires', score: expect.any(String), avalgo: '2' },
    });
    expect(results).toEqual(
      expectedFormats(truth, 'authenticated', 'proceed_with_liability_shift', id),
    );
    expect(results.generic.cartes_bancaires).toEqual({
      score: truth.scheme_info.score,
      avalgo: '2',
      exemption: truth.exemption.code,
    });
    expect(results.stripe.payment_method_options.card).toMatchObject({
      network: 'cartes_bancaires',
      three_d_secure: { network_options: { cartes_bancaires: { cb_avalgo: '2' } } },
    });
    expect(results.adyen.mpiData).toMatchObject({ riskScore: truth.scheme_info.score });
  });

  it('a refusal carries the text the cardholder must be shown', async () => {
    const { id, truth, results } = await completedWith('4539628347117863');
    expect(truth.cardholder_info).toEqual(expect.any(String));
    expect(results).toEqual(expectedFormats(truth, 'not_authenticated', 'do_not_proceed', id));
    expect(results.generic).toMatchObject({
      authentication_id: id,
      checkout_session_id: truth.id,
      cardholder_info: truth.cardholder_info,
      challenge_mandated: truth.acs.challenge_mandated,
    });
  });

  it.each(['stripe', 'adyen'] as const)(
    'every %s body matches the PSP’s documented schema',
    async (format) => {
      for (const card of ['4485040371536584', '4319863787850170', '5309961755464047']) {
        const { results } = await completedWith(card);
        expect(pspViolations(format, results[format])).toEqual([]);
      }
    },
  );
});
