import type { CardScheme } from '../card/card-schemes.js';
import type { AuthenticationResultFields } from './authentication-details.js';
import type { Guidance, Outcome } from './outcome.js';

/**
 * Guidance from the whole result: outcome × applied exemption × scheme × protocol version.
 * docs/guidance.md gives the source of each rule and `guidance.spec.ts` walks every combination.
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

/**
 * Visa removed 3DS 1.0.2 liability protection in October 2021, and Visa, Mastercard and Amex
 * retired 3DS1 in October 2022: a 3DS1 result of theirs shifts nothing.
 */
const NO_3DS1_SHIFT: ReadonlySet<string> = new Set<CardScheme>([
  'visa',
  'mastercard',
  'maestro',
  'amex',
]);

/** Guidance for a stored authentication: null until its outcome is known. */
export function guidanceOfRecorded(
  outcome: Outcome | null,
  result: AuthenticationResultFields | null,
  scheme: string | null,
): Guidance | null {
  if (!outcome) return null;
  const base = BY_OUTCOME[outcome];
  if (base !== 'proceed_with_liability_shift') return base;
  // Absent means no exemption; an exemption name we do not know is still an exemption.
  const exempted = Boolean(result?.exemption_applied) && result?.exemption_applied !== 'none';
  const threeDs1 = result?.protocol_version?.startsWith('1.') ?? false;
  const retired = threeDs1 && NO_3DS1_SHIFT.has(scheme ?? result?.scheme ?? '');
  return exempted || retired ? 'proceed_without_liability_shift' : 'proceed_with_liability_shift';
}
