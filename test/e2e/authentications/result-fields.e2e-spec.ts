import { Orchestration } from '../../support/orchestration.js';
import { pspViolations } from '../../support/psp-contract.js';
import { aCreateBody, type Wire } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

type Json = Record<string, unknown>;

/**
 * What the generic format carries from the session as it is, with no mapping of ours: the
 * identifiers, the version, the date, the amount (aCreateBody's).
 */
const sessionFieldsOf = (truth: Wire, id: string) => ({
  authentication_id: id,
  checkout_session_id: truth.id,
  protocol_version: '2.2.0',
  xid: truth.xid,
  ds_transaction_id: truth.ds.transaction_id,
  three_ds_server_transaction_id: truth.transaction_id,
  acs_transaction_id: truth.acs.transaction_id,
  authentication_date: truth.authentication_date,
  amount: 6540,
  currency: 'EUR',
});

/**
 * Guidance from the whole result, and every field a PSP or the cardholder needs, in each format
 * as the PSP documents it (docs/result-formats.md, docs/guidance.md).
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
    // Written out by hand: the identifiers are the session's, every mapped value is fixed. An
    // accepted exemption (I) carries no authentication value, and Visa's ECI for it is 07.
    expect(results).toEqual({
      generic: {
        ...sessionFieldsOf(truth, id),
        amount: 2500,
        outcome: 'informational',
        guidance: 'proceed_without_liability_shift',
        trans_status: 'I',
        eci: '07',
        exemption: 'low_value',
        challenge_indicator: 'no_challenge_requested',
        challenged: false,
        challenge_mandated: false,
        flow_type: 'frictionless',
      },
      checkout: { '3ds': { enabled: true, authentication_id: truth.id } },
      stripe: {
        payment_method_options: {
          card: {
            three_d_secure: {
              version: '2.2.0',
              electronic_commerce_indicator: '07',
              transaction_id: truth.ds.transaction_id,
              ares_trans_status: 'I',
              requestor_challenge_indicator: '02',
            },
          },
        },
      },
      adyen: {
        mpiData: {
          threeDSVersion: '2.2.0',
          directoryResponse: 'I',
          eci: '07',
          dsTransID: truth.ds.transaction_id,
        },
        threeDS2Result: {
          messageVersion: '2.2.0',
          transStatus: 'I',
          eci: '07',
          dsTransID: truth.ds.transaction_id,
          threeDSServerTransID: truth.transaction_id,
          exemptionIndicator: 'lowValue',
          threeDSRequestorChallengeInd: '02',
        },
      },
    });
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
    const score = truth.scheme_info.score as string;
    expect(results).toEqual({
      generic: {
        ...sessionFieldsOf(truth, id),
        outcome: 'authenticated',
        guidance: 'proceed_with_liability_shift',
        trans_status: 'Y',
        eci: '05',
        cryptogram: truth.cryptogram,
        exemption: 'none',
        challenged: false,
        challenge_mandated: false,
        cartes_bancaires: { score, avalgo: '2', exemption: truth.exemption.code },
        flow_type: 'frictionless',
      },
      checkout: { '3ds': { enabled: true, authentication_id: truth.id } },
      stripe: {
        payment_method_options: {
          card: {
            network: 'cartes_bancaires',
            three_d_secure: {
              version: '2.2.0',
              electronic_commerce_indicator: '05',
              cryptogram: truth.cryptogram,
              transaction_id: truth.ds.transaction_id,
              ares_trans_status: 'Y',
              exemption_indicator: 'none',
              network_options: {
                cartes_bancaires: {
                  cb_avalgo: '2',
                  cb_score: Number(score),
                  cb_exemption: truth.exemption.code,
                },
              },
            },
          },
        },
      },
      adyen: {
        mpiData: {
          threeDSVersion: '2.2.0',
          directoryResponse: 'Y',
          cavv: truth.cryptogram,
          eci: '05',
          dsTransID: truth.ds.transaction_id,
          riskScore: score,
        },
        threeDS2Result: {
          messageVersion: '2.2.0',
          transStatus: 'Y',
          authenticationValue: truth.cryptogram,
          eci: '05',
          dsTransID: truth.ds.transaction_id,
          threeDSServerTransID: truth.transaction_id,
          cavvAlgorithm: '2',
          riskScore: score,
        },
      },
    });
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
    expect(results).toEqual({
      generic: {
        ...sessionFieldsOf(truth, id),
        outcome: 'not_authenticated',
        guidance: 'do_not_proceed',
        trans_status: 'N',
        trans_status_reason: '01',
        eci: '07',
        exemption: 'none',
        challenged: false,
        challenge_mandated: false,
        cardholder_info: truth.cardholder_info,
        flow_type: 'frictionless',
      },
      checkout: { '3ds': { enabled: true, authentication_id: truth.id } },
      stripe: {
        payment_method_options: {
          card: {
            three_d_secure: {
              version: '2.2.0',
              electronic_commerce_indicator: '07',
              transaction_id: truth.ds.transaction_id,
              ares_trans_status: 'N',
              exemption_indicator: 'none',
            },
          },
        },
      },
      adyen: {
        mpiData: {
          threeDSVersion: '2.2.0',
          directoryResponse: 'N',
          transStatusReason: '01',
          eci: '07',
          dsTransID: truth.ds.transaction_id,
        },
        threeDS2Result: {
          messageVersion: '2.2.0',
          transStatus: 'N',
          transStatusReason: '01',
          eci: '07',
          dsTransID: truth.ds.transaction_id,
          threeDSServerTransID: truth.transaction_id,
        },
      },
    });
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
