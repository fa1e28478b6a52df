import { createHash } from 'node:crypto';

/**
 * The data elements an issuer's risk engine reads in the AReq, as Checkout's create request
 * carries them. EMV 3DS 2 sends them so that the issuer can authenticate without a challenge:
 * the fewer it gets, the less it can tell the cardholder from a fraudster.
 */
export const DATA_ELEMENTS = [
  /** The issuer fingerprinted the device: 3DS Method completed (`Y`), or an app SDK's data. */
  'device_fingerprint',
  /** `source.email`. */
  'email',
  /** `source.home_phone`, `mobile_phone` or `work_phone`. */
  'phone',
  /** `source.billing_address`. */
  'billing_address',
  /** `shipping_address`. */
  'shipping_address',
  /** `shipping_address_matches_billing: true`. */
  'shipping_matches_billing',
  /** `account_info` with the account's age or history. */
  'account_history',
  /** How the cardholder was authenticated before: `initial_transaction`, requestor auth info. */
  'prior_authentication',
] as const;
export type DataElement = (typeof DATA_ELEMENTS)[number];

/** Weight of each element in the 0–100 data score (the model's, not an issuer's). */
const WEIGHT: Record<DataElement, number> = {
  device_fingerprint: 20,
  email: 10,
  phone: 10,
  billing_address: 15,
  shipping_address: 5,
  shipping_matches_billing: 5,
  account_history: 20,
  prior_authentication: 15,
};

/** Challenge probability with every element (score 100) and with none (score 0). */
const CHALLENGE_RATE = { richest: 0.05, poorest: 0.8 } as const;

type Json = Record<string, unknown>;

const AGE_FIELDS = [
  'account_age',
  'cardholder_account_age_indicator',
  'account_date',
  'payment_account_age',
];
const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * The elements of a create request an issuer would see, but the device fingerprint, which
 * is known once channel data arrives (`deviceElements`).
 */
export function requestElements(request: Json): DataElement[] {
  const source = (request.source ?? {}) as Json;
  const account = (request.account_info ?? {}) as Json;
  const initial = (request.initial_transaction ?? {}) as Json;
  const found: Record<Exclude<DataElement, 'device_fingerprint'>, boolean> = {
    email: present(source.email),
    phone: [source.home_phone, source.mobile_phone, source.work_phone].some(present),
    billing_address: present(source.billing_address),
    shipping_address: present(request.shipping_address),
    shipping_matches_billing: request.shipping_address_matches_billing === true,
    account_history: AGE_FIELDS.some((field) => present(account[field])),
    prior_authentication:
      Object.values(initial).some(present) ||
      present(account.three_ds_requestor_authentication_info) ||
      present(request.prior_transaction_reference),
  };
  return DATA_ELEMENTS.filter((element) => element !== 'device_fingerprint' && found[element]);
}

/** The device fingerprint, from the channel data and the 3DS Method's completion. */
export function deviceElements(
  channel: string,
  threeDsMethodCompletion: string | undefined,
): DataElement[] {
  return channel === 'app' || threeDsMethodCompletion === 'Y' ? ['device_fingerprint'] : [];
}

export function dataScore(elements: readonly DataElement[]): number {
  return [...new Set(elements)].reduce((score, element) => score + WEIGHT[element], 0);
}

/** The model's challenge probability for a data score: linear from poorest to richest. */
export function challengeProbability(score: number): number {
  const { richest, poorest } = CHALLENGE_RATE;
  return poorest - ((poorest - richest) * Math.min(Math.max(score, 0), 100)) / 100;
}

/** What identifies a request across retries: reference, amount, currency, card fingerprint. */
export type RequestKey = readonly (string | number | undefined)[];

/**
 * A uniform draw in [0, 1) keyed by the seed and what stays the same when a merchant sends the
 * same request again (reference, amount, currency, card): the same request always draws the
 * same number, and adding data to it can only lower its challenge probability.
 */
export function seededDraw(seed: string, key: RequestKey): number {
  const digest = createHash('sha256')
    .update([seed, ...key.map((part) => String(part ?? ''))].join('\n'))
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** Whether the data-driven model challenges: the draw falls under the data's probability. */
export function riskChallenges(
  elements: readonly DataElement[],
  seed: string,
  key: RequestKey,
): boolean {
  return seededDraw(seed, key) < challengeProbability(dataScore(elements));
}
