// The strategy benchmark's purchases: a seeded, deterministic mix of what a merchant's checkout
// sends. The same seed gives the same purchases, byte for byte, so two runs that differ only in
// the team's exemption policy see the same shoppers. The weights are the benchmark's choice, not
// any merchant's statistics.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appSdkChannelData } from '../../test/support/simulator/app-sdk.ts';
import { BROWSER_CHANNEL_DATA } from './load.mjs';

const TEST_CARDS = 'contracts/checkout/test-cards.json';

/** Card kinds of the simulator's issuer model (docs/simulator-issuer-model.md#card-kinds). */
const CARD_KINDS = [
  { kind: 'frictionless_y', weight: 75, matches: (card) => isFrictionless(card, 'Y') },
  { kind: 'frictionless_a', weight: 8, matches: (card) => isFrictionless(card, 'A') },
  // Challenge cards whose password answer authenticates (Y) or attempts (A): a refusal after
  // the challenge would only add the same noise to both runs.
  {
    kind: 'challenge',
    weight: 17,
    matches: (card) => card.flow === 'challenge' && ['Y', 'A'].includes(card.outcome),
  },
];
const isFrictionless = (card, outcome) => card.flow === 'frictionless' && card.outcome === outcome;

/** Minor units per EUR, roughly: only to draw amounts of comparable size in each currency. */
const CURRENCIES = [
  { currency: 'EUR', weight: 70, perEur: 100 },
  { currency: 'GBP', weight: 12, perEur: 85 },
  { currency: 'USD', weight: 8, perEur: 110 },
  { currency: 'SEK', weight: 5, perEur: 1150 },
  { currency: 'PLN', weight: 5, perEur: 430 },
];

/** EUR-equivalent ranges either side of the PSD2 low-value (30) and TRA (250) limits. */
const AMOUNT_BANDS = [
  { weight: 30, minEur: 1, maxEur: 30 },
  { weight: 40, minEur: 30, maxEur: 250 },
  { weight: 30, minEur: 250, maxEur: 1500 },
];

/** How much a checkout knows about its shopper: the chance each data element is sent. */
const DATA_PROFILES = [
  { profile: 'rich', weight: 40, chance: 0.9 },
  { profile: 'partial', weight: 30, chance: 0.5 },
  { profile: 'poor', weight: 30, chance: 0.1 },
];

const MIX = { app: 0.25, recurringSetup: 0.08, giftCard: 0.08 };

const ADDRESS = { address_line1: '14 Wells Mews', city: 'London', zip: 'W1T 4TJ', country: 'GB' };

/** A uniform generator in [0, 1) from a string seed (mulberry32 over SHA-256 of the seed). */
export function seededRandom(seed) {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const weighted = (random, choices) => {
  let left = random() * choices.reduce((sum, choice) => sum + choice.weight, 0);
  return choices.find((choice) => (left -= choice.weight) < 0) ?? choices.at(-1);
};

const uuidFrom = (random) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};

/**
 * What the shopper's checkout knows, each element sent with the profile's chance. A browser's
 * 3DS Method result stands for the device fingerprint: the benchmark states it with the create
 * (`Y` as if the method had run earlier) rather than running the method, so that every create
 * answers at once.
 */
function shopperData(random, chance, n) {
  const has = () => random() < chance;
  const cardholder = {
    ...(has() ? { email: `shopper${n}@example.com` } : {}),
    ...(has() ? { mobile_phone: { country_code: '44', number: '7700900123' } } : {}),
    ...(has() ? { billing_address: ADDRESS } : {}),
  };
  const shipping = has();
  const request = {
    ...(shipping ? { shipping_address: ADDRESS } : {}),
    ...(shipping && has() ? { shipping_address_matches_billing: true } : {}),
  };
  const account = {
    ...(has() ? { account_age: 'more_than_sixty_days', account_date: '2022-05-17T08:30:00Z' } : {}),
    ...(has()
      ? {
          three_ds_requestor_authentication_info: {
            three_ds_req_auth_method: 'three3ds_requestor_own_credentials',
            three_ds_req_auth_timestamp: '2026-11-30T10:14:00Z',
          },
        }
      : {}),
  };
  return { cardholder, request, account, deviceFingerprint: has() };
}

/**
 * `count` purchases from `seed`: each one's create body (reference `STRAT-0001`…), what it is
 * (for the breakdowns) and whether its shopper would abandon a challenge (`abandonRate`).
 */
export function generatePurchases({ count, seed, abandonRate }) {
  const random = seededRandom(seed);
  const cards = JSON.parse(readFileSync(TEST_CARDS, 'utf8')).cards;
  const cardsOf = Object.fromEntries(
    CARD_KINDS.map(({ kind, matches }) => [kind, cards.filter(matches)]),
  );
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const { kind } = weighted(random, CARD_KINDS);
    const card = cardsOf[kind][Math.floor(random() * cardsOf[kind].length)];
    const { currency, perEur } = weighted(random, CURRENCIES);
    const band = weighted(random, AMOUNT_BANDS);
    const amountEur = band.minEur + random() * (band.maxEur - band.minEur);
    const amount = Math.max(1, Math.round(amountEur * perEur));
    const channel = random() < MIX.app ? 'app' : 'browser';
    const { profile, chance } = weighted(random, DATA_PROFILES);
    const data = shopperData(random, chance, n);
    const recurringSetup = random() < MIX.recurringSetup;
    const giftCard = random() < MIX.giftCard;
    const abandonsChallenge = random() < abandonRate;
    const channelData =
      channel === 'app'
        ? appSdkChannelData(uuidFrom(random))
        : {
            ...BROWSER_CHANNEL_DATA,
            ...(data.deviceFingerprint ? { three_ds_method_completion: 'Y' } : {}),
          };
    const reference = `STRAT-${String(n).padStart(4, '0')}`;
    const body = {
      source: {
        type: 'card',
        number: card.number,
        expiry_month: 12,
        expiry_year: 2030,
        ...data.cardholder,
      },
      amount,
      currency,
      channel,
      reference,
      channel_data: channelData,
      ...data.request,
      ...(Object.keys(data.account).length > 0 ? { account_info: data.account } : {}),
      ...(recurringSetup
        ? {
            authentication_type: 'recurring',
            recurring: { days_between_payments: 30, expiry: '20281231' },
          }
        : {}),
      ...(giftCard
        ? {
            merchant_risk_info: {
              gift_card_count: '01',
              gift_card_amount: String(Math.ceil(amountEur)),
              gift_card_currency: currency,
            },
          }
        : {}),
    };
    const traits = { card: kind, currency, amountEur, channel, profile, recurringSetup, giftCard };
    return { reference, body, traits, abandonsChallenge };
  });
}

/** One digest of every create body: two runs with the same digest sent the same purchases. */
export const digestOf = (bodies) =>
  createHash('sha256').update(JSON.stringify(bodies)).digest('hex');
