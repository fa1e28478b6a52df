/**
 * Amount limits of the PSD2 SCA exemptions the issuer model applies, in EUR as the regulation
 * states them (Commission Delegated Regulation (EU) 2018/389, the RTS on SCA).
 */
export const EXEMPTION_LIMIT_EUR = {
  /** Art. 16(a): a remote payment of at most EUR 30. */
  low_value: 30,
  /**
   * Art. 18 and its Annex: transaction risk analysis up to EUR 100, 250 or 500 by the payment
   * service provider's fraud rate (0.13 %, 0.06 %, 0.01 % for remote card payments). The model's
   * acquirer sits in the middle band.
   */
  transaction_risk_assessment: 250,
} as const;

/**
 * Per session currency: its ISO 4217 minor-unit exponent (Checkout's `amount` is in minor units)
 * and a fixed rate in units of the currency per EUR. The rates are the model's, not market rates:
 * they only make "EUR 30 equivalent" a fixed, testable number. Another currency has no rate, and
 * the model refuses an amount-bound exemption in it.
 */
const CURRENCY: Readonly<Record<string, { readonly exponent: number; readonly perEur: number }>> = {
  EUR: { exponent: 2, perEur: 1 },
  GBP: { exponent: 2, perEur: 0.85 },
  USD: { exponent: 2, perEur: 1.1 },
  CHF: { exponent: 2, perEur: 0.95 },
  SEK: { exponent: 2, perEur: 11.5 },
  NOK: { exponent: 2, perEur: 11.5 },
  DKK: { exponent: 2, perEur: 7.45 },
  PLN: { exponent: 2, perEur: 4.3 },
  JPY: { exponent: 0, perEur: 160 },
};

/**
 * The limit in minor units of `currency` for an amount of `eur` euros, or undefined when the
 * model has no rate for that currency.
 */
export function limitInMinorUnits(eur: number, currency: string): number | undefined {
  const rate = CURRENCY[currency.toUpperCase()];
  return rate ? Math.round(eur * rate.perEur * 10 ** rate.exponent) : undefined;
}

/** Whether `amount` (minor units of `currency`) is at most `eur` euros; false without an amount. */
export function withinEur(amount: number | undefined, currency: string, eur: number): boolean {
  const limit = limitInMinorUnits(eur, currency);
  return amount !== undefined && amount > 0 && limit !== undefined && amount <= limit;
}
