import {
  EXEMPTIONS,
  GUIDANCE_SCHEMES,
  PROTOCOLS,
  guidanceFor,
  guidanceInputOf,
  type GuidanceInput,
} from './guidance.js';
import { OUTCOMES, type Guidance } from './outcome.js';

/** Every combination of the four keys: the whole table (docs/guidance.md). */
const EVERY_INPUT: GuidanceInput[] = OUTCOMES.flatMap((outcome) =>
  EXEMPTIONS.flatMap((exemption) =>
    GUIDANCE_SCHEMES.flatMap((scheme) =>
      PROTOCOLS.map((protocol) => ({ outcome, exemption, scheme, protocol })),
    ),
  ),
);

/** The rules docs/guidance.md states, written apart from the tables they check. */
function expected({ outcome, exemption, scheme, protocol }: GuidanceInput): Guidance {
  if (outcome === 'not_authenticated' || outcome === 'rejected') return 'do_not_proceed';
  if (outcome === 'abandoned' || outcome === 'expired' || outcome === 'error') {
    return 'retry_authentication';
  }
  if (outcome === 'informational' || outcome === 'unavailable') {
    return 'proceed_without_liability_shift';
  }
  const retired3ds1 = ['visa', 'mastercard', 'maestro', 'amex'].includes(scheme);
  if (exemption !== 'none' || (protocol === '3ds1' && retired3ds1)) {
    return 'proceed_without_liability_shift';
  }
  return 'proceed_with_liability_shift';
}

describe('guidanceFor', () => {
  it(`covers all ${EVERY_INPUT.length} combinations of outcome × exemption × scheme × protocol`, () => {
    expect(EVERY_INPUT).toHaveLength(
      OUTCOMES.length * EXEMPTIONS.length * GUIDANCE_SCHEMES.length * PROTOCOLS.length,
    );
    const wrong = EVERY_INPUT.filter((input) => guidanceFor(input) !== expected(input));
    expect(wrong).toEqual([]);
  });

  it('never gives a liability shift to an approval carried by an exemption', () => {
    const exempted = EVERY_INPUT.filter(
      (input) => input.exemption !== 'none' || input.outcome === 'informational',
    );
    expect(exempted.map(guidanceFor)).not.toContain('proceed_with_liability_shift');
  });

  it('never proceeds on N or R, whatever else the result says', () => {
    const refused = EVERY_INPUT.filter(
      ({ outcome }) => outcome === 'not_authenticated' || outcome === 'rejected',
    );
    expect(new Set(refused.map(guidanceFor))).toEqual(new Set(['do_not_proceed']));
  });

  it('shifts liability on a 3DS2 attempt for Visa and Mastercard', () => {
    for (const scheme of ['visa', 'mastercard'] as const) {
      expect(
        guidanceFor({ outcome: 'attempted', exemption: 'none', scheme, protocol: '3ds2' }),
      ).toBe('proceed_with_liability_shift');
    }
  });
});

describe('guidanceInputOf', () => {
  it('reads absent exemption as none, unknown exemption and scheme as other, 1.x as 3DS1', () => {
    expect(guidanceInputOf('authenticated', {})).toEqual({
      outcome: 'authenticated',
      exemption: 'none',
      scheme: 'other',
      protocol: '3ds2',
    });
    expect(
      guidanceInputOf('authenticated', {
        exemption: 'a_new_exemption',
        scheme: 'upi',
        protocolVersion: '1.0.2',
      }),
    ).toEqual({ outcome: 'authenticated', exemption: 'other', scheme: 'other', protocol: '3ds1' });
    expect(
      guidanceInputOf('attempted', {
        exemption: 'low_value',
        scheme: 'mastercard',
        protocolVersion: '2.2.0',
      }),
    ).toEqual({
      outcome: 'attempted',
      exemption: 'low_value',
      scheme: 'mastercard',
      protocol: '3ds2',
    });
  });
});
