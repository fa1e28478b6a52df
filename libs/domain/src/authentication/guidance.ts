import { CARD_SCHEMES } from '../card/card-schemes.js';
import type { AuthenticationResultFields } from './authentication-details.js';
import type { Guidance, Outcome } from './outcome.js';

/**
 * Guidance from the whole result: outcome × applied exemption × scheme × protocol version.
 * Each table below is exhaustive over its keys; docs/guidance.md gives the source of each row
 * and `guidance.spec.ts` walks every combination.
 */

/** The exemption the issuer applied, as EMV 3DS providers report it (`none` = no exemption). */
export const EXEMPTIONS = [
  'none',
  'low_value',
  'transaction_risk_assessment',
  'secure_corporate_payment',
  'trusted_listing',
  'trusted_listing_prompt',
  '3ds_outage',
  'sca_delegation',
  'out_of_sca_scope',
  'low_risk_program',
  'recurring_operation',
  'data_share',
  'other',
] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

/** The schemes guidance tells apart; any other scheme name is `other`. */
export const GUIDANCE_SCHEMES = [...CARD_SCHEMES, 'other'] as const;
export type GuidanceScheme = (typeof GUIDANCE_SCHEMES)[number];

/** 3-D Secure 1 (`1.0.2`, retired by the major schemes in 2022) or EMV 3DS (`2.x`). */
export const PROTOCOLS = ['3ds1', '3ds2'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

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

/**
 * Whether an applied exemption takes the liability shift away. Every one does: Checkout's
 * "3DS exemptions" page says an approved exemption gives no liability shift; `none` is the
 * only value that leaves the authentication's own shift in place.
 */
const EXEMPTION_KEEPS_SHIFT = {
  none: true,
  low_value: false,
  transaction_risk_assessment: false,
  secure_corporate_payment: false,
  trusted_listing: false,
  trusted_listing_prompt: false,
  '3ds_outage': false,
  sca_delegation: false,
  out_of_sca_scope: false,
  low_risk_program: false,
  recurring_operation: false,
  data_share: false,
  other: false,
} as const satisfies Record<Exemption, boolean>;

/** Liability shift on Y and A, per protocol, for one scheme. */
interface ShiftRule {
  readonly authenticated: boolean;
  readonly attempted: boolean;
}

const SHIFTS: ShiftRule = { authenticated: true, attempted: true };
const NO_SHIFT: ShiftRule = { authenticated: false, attempted: false };

/**
 * Which Y/A results shift liability, by scheme and protocol. 3DS2: Visa (ECI 05/06) and
 * Mastercard (ECI 02/01) shift on both; Cartes Bancaires on both with a cryptogram; the others
 * keep the earlier behaviour (shift on both) as no scheme rule found here says otherwise.
 * 3DS1: Visa removed 3DS 1.0.2 liability protection in October 2021, and Visa, Mastercard and
 * Amex retired 3DS1 in October 2022, so a 3DS1 result of theirs shifts nothing.
 */
const LIABILITY = {
  visa: { '3ds1': NO_SHIFT, '3ds2': SHIFTS },
  mastercard: { '3ds1': NO_SHIFT, '3ds2': SHIFTS },
  maestro: { '3ds1': NO_SHIFT, '3ds2': SHIFTS },
  amex: { '3ds1': NO_SHIFT, '3ds2': SHIFTS },
  discover: { '3ds1': SHIFTS, '3ds2': SHIFTS },
  diners: { '3ds1': SHIFTS, '3ds2': SHIFTS },
  jcb: { '3ds1': SHIFTS, '3ds2': SHIFTS },
  unionpay: { '3ds1': SHIFTS, '3ds2': SHIFTS },
  cartes_bancaires: { '3ds1': SHIFTS, '3ds2': SHIFTS },
  other: { '3ds1': SHIFTS, '3ds2': SHIFTS },
} as const satisfies Record<GuidanceScheme, Record<Protocol, ShiftRule>>;

/** What guidance is computed from. */
export interface GuidanceInput {
  readonly outcome: Outcome;
  readonly exemption: Exemption;
  readonly scheme: GuidanceScheme;
  readonly protocol: Protocol;
}

/** What a payment team should do with this result, from the whole result. */
export function guidanceFor(input: GuidanceInput): Guidance {
  const base = BY_OUTCOME[input.outcome];
  if (base !== 'proceed_with_liability_shift') return base;
  const outcome = input.outcome as 'authenticated' | 'attempted';
  const shifts =
    EXEMPTION_KEEPS_SHIFT[input.exemption] && LIABILITY[input.scheme][input.protocol][outcome];
  return shifts ? 'proceed_with_liability_shift' : 'proceed_without_liability_shift';
}

/** The result's raw words (any provider's spelling) read into guidance's keys. */
export function guidanceInputOf(
  outcome: Outcome,
  raw: { exemption?: string | null; scheme?: string | null; protocolVersion?: string | null },
): GuidanceInput {
  return {
    outcome,
    exemption: asExemption(raw.exemption),
    scheme: (GUIDANCE_SCHEMES as readonly string[]).includes(raw.scheme ?? '')
      ? (raw.scheme as GuidanceScheme)
      : 'other',
    protocol: raw.protocolVersion?.startsWith('1.') ? '3ds1' : '3ds2',
  };
}

/** Guidance for a stored authentication: null until its outcome is known. */
export function guidanceOfRecorded(
  outcome: Outcome | null,
  result: AuthenticationResultFields | null,
  scheme: string | null,
): Guidance | null {
  if (!outcome) return null;
  return guidanceFor(
    guidanceInputOf(outcome, {
      exemption: result?.exemption_applied,
      scheme: scheme ?? result?.scheme,
      protocolVersion: result?.protocol_version,
    }),
  );
}

/** Absent means no exemption; an exemption name we do not know is still an exemption. */
function asExemption(value: string | null | undefined): Exemption {
  if (!value) return 'none';
  return (EXEMPTIONS as readonly string[]).includes(value) ? (value as Exemption) : 'other';
}
