import { CARD_SCHEMES } from '../card/card-schemes.js';
import type { AuthenticationResultFields } from './authentication-details.js';
import { guidanceOfRecorded } from './guidance.js';
import { OUTCOMES, type Guidance, type Outcome } from './outcome.js';

/** One stored result, in the provider's words, as guidance reads it. */
interface Recorded {
  readonly outcome: Outcome;
  readonly exemption: string | undefined;
  readonly scheme: string;
  readonly protocolVersion: string;
  readonly eci: string | undefined;
  readonly cryptogram: boolean;
}

/** Absent, none, names Checkout documents, and one it does not (yet). */
const EXEMPTIONS = [undefined, 'none', 'low_value', 'transaction_risk_assessment', 'a_new_one'];
/** Every scheme guidance knows, and one it does not (Checkout's `upi`). */
const SCHEMES = [...CARD_SCHEMES, 'upi'];
const VERSIONS = ['1.0.2', '2.1.0', '2.2.0'];
/** Absent, and every ECI a scheme gives a 3-D Secure result (docs/checkout-sessions.md#eci). */
const ECIS = [undefined, '00', '01', '02', '05', '06', '07'];

const EVERY_RESULT: Recorded[] = OUTCOMES.flatMap((outcome) =>
  EXEMPTIONS.flatMap((exemption) =>
    SCHEMES.flatMap((scheme) =>
      VERSIONS.flatMap((protocolVersion) =>
        ECIS.flatMap((eci) =>
          [true, false].map((cryptogram) => ({
            outcome,
            exemption,
            scheme,
            protocolVersion,
            eci,
            cryptogram,
          })),
        ),
      ),
    ),
  ),
);

const A_RESULT: AuthenticationResultFields = {
  checkout_status: 'approved',
  protocol_version: '2.2.0',
  three_ds_server_transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
};

const guidanceOf = (recorded: Recorded) =>
  guidanceOfRecorded({
    outcome: recorded.outcome,
    result: {
      ...A_RESULT,
      protocol_version: recorded.protocolVersion,
      exemption_applied: recorded.exemption,
      eci: recorded.eci,
    },
    scheme: recorded.scheme,
    cryptogramCiphertext: recorded.cryptogram ? 'v1.sealed' : null,
  });

/** A Y over 3DS2 with a cryptogram and no exemption; override any of it. */
const aRecorded = (overrides: Partial<Recorded> = {}): Recorded => ({
  outcome: 'authenticated',
  exemption: 'none',
  scheme: 'visa',
  protocolVersion: '2.2.0',
  eci: '05',
  cryptogram: true,
  ...overrides,
});

/** The rules docs/guidance.md states, written apart from the code they check. */
function expected(recorded: Recorded): Guidance {
  const { outcome, exemption, scheme, protocolVersion, eci, cryptogram } = recorded;
  if (outcome === 'not_authenticated' || outcome === 'rejected') return 'do_not_proceed';
  if (outcome === 'abandoned' || outcome === 'expired' || outcome === 'error') {
    return 'retry_authentication';
  }
  if (outcome === 'informational' || outcome === 'unavailable') {
    return 'proceed_without_liability_shift';
  }
  const exempted = exemption !== undefined && exemption !== 'none';
  const retired3ds1 =
    protocolVersion === '1.0.2' && ['visa', 'mastercard', 'maestro', 'amex'].includes(scheme);
  const visaEci = outcome === 'authenticated' ? '05' : '06';
  const mastercardEci = outcome === 'authenticated' ? '02' : '01';
  const shiftingEcis = ['mastercard', 'maestro'].includes(scheme)
    ? [mastercardEci]
    : scheme === 'cartes_bancaires'
      ? [visaEci, mastercardEci]
      : [visaEci];
  return exempted || retired3ds1 || !cryptogram || !shiftingEcis.includes(eci ?? '')
    ? 'proceed_without_liability_shift'
    : 'proceed_with_liability_shift';
}

describe('guidanceOfRecorded', () => {
  it(`follows docs/guidance.md on all ${EVERY_RESULT.length} combinations of outcome × exemption × scheme × version × ECI × cryptogram`, () => {
    const wrong = EVERY_RESULT.filter((recorded) => guidanceOf(recorded) !== expected(recorded));
    expect(wrong).toEqual([]);
  });

  it('is null until the outcome is known', () => {
    expect(
      guidanceOfRecorded({
        outcome: null,
        result: null,
        scheme: 'visa',
        cryptogramCiphertext: null,
      }),
    ).toBeNull();
  });

  it('never gives a liability shift to an approval carried by an exemption, a new name included', () => {
    const exempted = EVERY_RESULT.filter(
      ({ exemption, outcome }) =>
        (exemption !== undefined && exemption !== 'none') || outcome === 'informational',
    );
    expect(exempted.map(guidanceOf)).not.toContain('proceed_with_liability_shift');
    expect(guidanceOf(aRecorded({ exemption: 'a_new_one' }))).toBe(
      'proceed_without_liability_shift',
    );
    expect(guidanceOf(aRecorded({ exemption: undefined }))).toBe('proceed_with_liability_shift');
  });

  it('never proceeds on N or R, whatever else the result says', () => {
    const refused = EVERY_RESULT.filter(
      ({ outcome }) => outcome === 'not_authenticated' || outcome === 'rejected',
    );
    expect(new Set(refused.map(guidanceOf))).toEqual(new Set(['do_not_proceed']));
  });

  it('shifts liability only with a cryptogram and the ECI the scheme gives a shifting Y or A', () => {
    const shift = 'proceed_with_liability_shift';
    const noShift = 'proceed_without_liability_shift';
    const visaA = aRecorded({ outcome: 'attempted', eci: '06' });
    expect(guidanceOf(visaA)).toBe(shift);
    expect(guidanceOf({ ...visaA, eci: '07' })).toBe(noShift);
    expect(guidanceOf({ ...visaA, eci: '07', cryptogram: false })).toBe(noShift);
    expect(guidanceOf({ ...visaA, cryptogram: false })).toBe(noShift);
    expect(guidanceOf({ ...visaA, eci: undefined })).toBe(noShift);
    // Mastercard's own values: 02 for Y, 01 for A; its 05 and 06 are not Visa's.
    expect(guidanceOf(aRecorded({ scheme: 'mastercard', eci: '02' }))).toBe(shift);
    expect(guidanceOf(aRecorded({ scheme: 'maestro', outcome: 'attempted', eci: '01' }))).toBe(
      shift,
    );
    expect(guidanceOf(aRecorded({ scheme: 'mastercard', eci: '05' }))).toBe(noShift);
    expect(guidanceOf(aRecorded({ scheme: 'mastercard', eci: '00' }))).toBe(noShift);
    // A Y with an attempt's ECI is not a full authentication.
    expect(guidanceOf(aRecorded({ eci: '06' }))).toBe(noShift);
    // Cartes Bancaires: the values of the scheme it is co-badged with.
    expect(guidanceOf(aRecorded({ scheme: 'cartes_bancaires', eci: '05' }))).toBe(shift);
    expect(guidanceOf(aRecorded({ scheme: 'cartes_bancaires', eci: '02' }))).toBe(shift);
    expect(guidanceOf(aRecorded({ scheme: 'cartes_bancaires', eci: '07' }))).toBe(noShift);
    expect(guidanceOf(aRecorded({ scheme: 'cartes_bancaires', cryptogram: false }))).toBe(noShift);
  });

  it('reads the scheme from the result when the authentication has none', () => {
    const visa3ds1 = {
      outcome: 'authenticated',
      result: { ...A_RESULT, protocol_version: '1.0.2', scheme: 'visa', eci: '05' },
      scheme: null,
      cryptogramCiphertext: 'v1.sealed',
    } as const;
    expect(guidanceOfRecorded(visa3ds1)).toBe('proceed_without_liability_shift');
    expect(guidanceOfRecorded({ ...visa3ds1, scheme: 'jcb' })).toBe('proceed_with_liability_shift');
  });
});
