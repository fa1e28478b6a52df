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
}

/** Absent, none, names Checkout documents, and one it does not (yet). */
const EXEMPTIONS = [undefined, 'none', 'low_value', 'transaction_risk_assessment', 'a_new_one'];
/** Every scheme guidance knows, and one it does not (Checkout's `upi`). */
const SCHEMES = [...CARD_SCHEMES, 'upi'];
const VERSIONS = ['1.0.2', '2.1.0', '2.2.0'];

const EVERY_RESULT: Recorded[] = OUTCOMES.flatMap((outcome) =>
  EXEMPTIONS.flatMap((exemption) =>
    SCHEMES.flatMap((scheme) =>
      VERSIONS.map((protocolVersion) => ({ outcome, exemption, scheme, protocolVersion })),
    ),
  ),
);

const guidanceOf = ({ outcome, exemption, scheme, protocolVersion }: Recorded) => {
  const result: AuthenticationResultFields = {
    checkout_status: 'approved',
    protocol_version: protocolVersion,
    three_ds_server_transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
    exemption_applied: exemption,
  };
  return guidanceOfRecorded(outcome, result, scheme);
};

/** The rules docs/guidance.md states, written apart from the code they check. */
function expected({ outcome, exemption, scheme, protocolVersion }: Recorded): Guidance {
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
  return exempted || retired3ds1
    ? 'proceed_without_liability_shift'
    : 'proceed_with_liability_shift';
}

describe('guidanceOfRecorded', () => {
  it(`follows docs/guidance.md on all ${EVERY_RESULT.length} combinations of outcome × exemption × scheme × version`, () => {
    const wrong = EVERY_RESULT.filter((recorded) => guidanceOf(recorded) !== expected(recorded));
    expect(wrong).toEqual([]);
  });

  it('is null until the outcome is known', () => {
    expect(guidanceOfRecorded(null, null, 'visa')).toBeNull();
  });

  it('never gives a liability shift to an approval carried by an exemption, a new name included', () => {
    const exempted = EVERY_RESULT.filter(
      ({ exemption, outcome }) =>
        (exemption !== undefined && exemption !== 'none') || outcome === 'informational',
    );
    expect(exempted.map(guidanceOf)).not.toContain('proceed_with_liability_shift');
    const unknown = { outcome: 'authenticated', scheme: 'visa', protocolVersion: '2.2.0' } as const;
    expect(guidanceOf({ ...unknown, exemption: 'a_new_one' })).toBe(
      'proceed_without_liability_shift',
    );
    expect(guidanceOf({ ...unknown, exemption: undefined })).toBe('proceed_with_liability_shift');
  });

  it('never proceeds on N or R, whatever else the result says', () => {
    const refused = EVERY_RESULT.filter(
      ({ outcome }) => outcome === 'not_authenticated' || outcome === 'rejected',
    );
    expect(new Set(refused.map(guidanceOf))).toEqual(new Set(['do_not_proceed']));
  });

  it('reads the scheme from the result when the authentication has none', () => {
    const result: AuthenticationResultFields = {
      checkout_status: 'approved',
      protocol_version: '1.0.2',
      three_ds_server_transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
      scheme: 'visa',
    };
    expect(guidanceOfRecorded('authenticated', result, null)).toBe(
      'proceed_without_liability_shift',
    );
  });
});
