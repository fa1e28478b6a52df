import { CARD_SCHEMES } from '../card/card-schemes.js';
import type { AuthenticationResultFields } from './authentication-details.js';
import type { Guidance, Outcome } from './outcome.js';

/**
 * Guidance from the whole result: outcome × applied exemption × scheme × protocol version × ECI
 * × cryptogram. docs/guidance.md gives the source of each rule and `guidance.spec.ts` walks
 * every combination.
 */

/** Guidance from the outcome alone: what holds whatever the scheme, version or exemption. */
const BY_OUTCOME = {
  authenticated: 'proceed_with_liability_shift',
  attempted: 'proceed_with_liability_shift',
  informational: 'proceed_without_liability_shift',
  not_authenticated: 'do_not_proceed',
  rejected: 'do_not_proceed',
  unavailable: 'proceed_without_liability_shift',
  abandoned: 'retry_authentication',
  expired: 'retry_authentication',
  error: 'retry_authentication',
} as const satisfies Record<Outcome, Guidance>;

/** The schemes guidance tells apart; any other scheme name is `other`. */
const GUIDANCE_SCHEMES = [...CARD_SCHEMES, 'other'] as const;
type GuidanceScheme = (typeof GUIDANCE_SCHEMES)[number];

/**
 * Visa removed 3DS 1.0.2 liability protection in October 2021, and Visa, Mastercard and Amex
 * retired 3DS1 in October 2022: a 3DS1 result of theirs shifts nothing.
 */
const NO_3DS1_SHIFT: ReadonlySet<GuidanceScheme> = new Set([
  'visa',
  'mastercard',
  'maestro',
  'amex',
]);

/** The outcomes that can shift liability: EMV transStatus Y and A. */
type ShiftingOutcome = 'authenticated' | 'attempted';

/**
 * The ECIs that a scheme gives a Y and an A that shift liability. Visa, Amex, JCB,
 * Diners/Discover, UnionPay: 05 fully authenticated, 06 attempted (07: no shift); Mastercard and
 * Maestro: 02 and 01 (00: no shift; 06 and 07 say an exemption or a merchant-initiated
 * transaction). Cartes Bancaires gives the values of the scheme it is co-badged with.
 * docs/guidance.md#sources, docs/checkout-sessions.md#eci.
 */
const VISA_ECIS = { authenticated: ['05'], attempted: ['06'] } as const;
const MASTERCARD_ECIS = { authenticated: ['02'], attempted: ['01'] } as const;

const SHIFTING_ECIS = {
  visa: VISA_ECIS,
  mastercard: MASTERCARD_ECIS,
  maestro: MASTERCARD_ECIS,
  amex: VISA_ECIS,
  discover: VISA_ECIS,
  diners: VISA_ECIS,
  jcb: VISA_ECIS,
  unionpay: VISA_ECIS,
  cartes_bancaires: { authenticated: ['05', '02'], attempted: ['06', '01'] },
  other: VISA_ECIS,
} as const satisfies Record<GuidanceScheme, Record<ShiftingOutcome, readonly string[]>>;

/** What guidance reads of a stored authentication. */
export interface RecordedAuthentication {
  readonly outcome: Outcome | null;
  /** The provider's raw result fields: transStatus, ECI, exemption, version. */
  readonly result: AuthenticationResultFields | null;
  readonly scheme: string | null;
  /**
   * The authentication value (CAVV/AAV) as kept, sealed. Only whether there is one matters: the
   * schemes shift liability for an authorization that carries it, never for an ECI alone.
   */
  readonly cryptogramCiphertext: string | null;
}

/** Guidance for a stored authentication: null until its outcome is known. */
export function guidanceOfRecorded(authentication: RecordedAuthentication): Guidance | null {
  const { outcome, result } = authentication;
  if (!outcome) return null;
  const base = BY_OUTCOME[outcome];
  if (base !== 'proceed_with_liability_shift') return base;
  const scheme = guidanceSchemeOf(authentication.scheme ?? result?.scheme);
  // Absent means no exemption; an exemption name we do not know is still an exemption.
  const exempted = Boolean(result?.exemption_applied) && result?.exemption_applied !== 'none';
  const threeDs1 = result?.protocol_version?.startsWith('1.') ?? false;
  const shifts =
    !exempted &&
    !(threeDs1 && NO_3DS1_SHIFT.has(scheme)) &&
    authentication.cryptogramCiphertext !== null &&
    (SHIFTING_ECIS[scheme][outcome as ShiftingOutcome] as readonly string[]).includes(
      result?.eci ?? '',
    );
  return shifts ? 'proceed_with_liability_shift' : 'proceed_without_liability_shift';
}

function guidanceSchemeOf(scheme: string | null | undefined): GuidanceScheme {
  return (GUIDANCE_SCHEMES as readonly string[]).includes(scheme ?? '')
    ? (scheme as GuidanceScheme)
    : 'other';
}
