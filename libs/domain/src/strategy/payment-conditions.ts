import { CARD_SCHEMES, cardSchemeOf, type CardScheme } from '../card/card-schemes.js';
import {
  cardNumberOf,
  type ProviderChannel,
  type SessionRequest,
} from '../provider/session-request.js';

/**
 * The conditions on the payment itself, shared by exemption rules and routing rules. Every
 * condition given must hold; none given, every request matches.
 */
export interface PaymentConditions {
  /** ISO 4217, upper case. */
  readonly currencies?: readonly string[];
  /** Minor units, inclusive; a request without an amount matches neither bound. */
  readonly min_amount?: number;
  readonly max_amount?: number;
  readonly channels?: readonly ProviderChannel[];
  /** The card's scheme: the cardholder's choice, else the number's range; unknown matches none. */
  readonly schemes?: readonly CardScheme[];
}

/** What payment conditions read of a create. */
export interface PaymentFacts {
  readonly amount?: number;
  readonly currency: string;
  readonly channel: ProviderChannel;
  readonly scheme?: CardScheme;
}

const SCHEMES: ReadonlySet<string> = new Set(CARD_SCHEMES);

export function paymentFactsOf(request: SessionRequest): PaymentFacts {
  const chosen = request.source.scheme?.toLowerCase();
  return {
    amount: request.amount,
    currency: request.currency,
    channel: request.channel,
    scheme:
      chosen && SCHEMES.has(chosen)
        ? (chosen as CardScheme)
        : cardSchemeOf(cardNumberOf(request.source) ?? ''),
  };
}

export const listed = <T>(list: readonly T[] | undefined, value: T | undefined): boolean =>
  list === undefined || (value !== undefined && list.includes(value));

export function paymentMatches(when: PaymentConditions, facts: PaymentFacts): boolean {
  const amount = facts.amount;
  return (
    listed(when.currencies, facts.currency) &&
    (when.min_amount === undefined || (amount !== undefined && amount >= when.min_amount)) &&
    (when.max_amount === undefined || (amount !== undefined && amount <= when.max_amount)) &&
    listed(when.channels, facts.channel) &&
    listed(when.schemes, facts.scheme)
  );
}
