import { AUTHENTICATION_STATES, isFinal } from '../authentication/authentication.machine.js';
import {
  stepUpRefusal,
  type StepUpAsk,
  type StepUpRefusal,
  type SteppableOriginal,
} from './step-up.js';

const anOriginal = (overrides: Partial<SteppableOriginal> = {}): SteppableOriginal => ({
  state: 'completed',
  cardFingerprint: 'fp-card-1',
  amount: 6540,
  currency: 'EUR',
  ...overrides,
});

const anAsk = (overrides: Partial<StepUpAsk> = {}): StepUpAsk => ({
  cardFingerprint: 'fp-card-1',
  amount: 6540,
  currency: 'EUR',
  ...overrides,
});

describe('step-up rules', () => {
  it.each(AUTHENTICATION_STATES.filter(isFinal))(
    'steps up an authentication that is %s',
    (state) => {
      expect(stepUpRefusal(anOriginal({ state }), anAsk())).toBeNull();
    },
  );

  it.each(AUTHENTICATION_STATES.filter((state) => !isFinal(state)))(
    'refuses an authentication still %s',
    (state) => {
      expect(stepUpRefusal(anOriginal({ state }), anAsk())).toBe('not_final');
    },
  );

  it.each<[string, Partial<SteppableOriginal>, Partial<StepUpAsk>, StepUpRefusal | null]>([
    ['the same card, amount and currency', {}, {}, null],
    ['a lower amount', {}, { amount: 6539 }, null],
    ['a zero amount', {}, { amount: 0 }, null],
    ['a higher amount', {}, { amount: 6541 }, 'amount_exceeds'],
    ['another currency', {}, { currency: 'GBP' }, 'currency_differs'],
    [
      'another currency and a higher amount',
      {},
      { currency: 'GBP', amount: 9999 },
      'currency_differs',
    ],
    ['another card', {}, { cardFingerprint: 'fp-card-2' }, 'card_differs'],
    ['a stored source for a card original', {}, { cardFingerprint: null }, 'card_differs'],
    [
      'another card and a higher amount',
      {},
      { cardFingerprint: 'fp-2', amount: 9999 },
      'card_differs',
    ],
    ['a stored-source original', { cardFingerprint: null }, {}, 'card_not_comparable'],
    [
      'a stored-source original, resent as a stored source',
      { cardFingerprint: null },
      { cardFingerprint: null },
      'card_not_comparable',
    ],
    ['a non-payment original, no amount', { amount: null }, { amount: null }, null],
    ['a non-payment original, an amount', { amount: null }, { amount: 1 }, 'amount_exceeds'],
  ])('%s', (_case, original, ask, refusal) => {
    expect(stepUpRefusal(anOriginal(original), anAsk(ask))).toBe(refusal);
  });

  it('refuses an unfinished original first, whatever else is wrong', () => {
    const original = anOriginal({ state: 'challenge_required', cardFingerprint: null });
    expect(stepUpRefusal(original, anAsk({ cardFingerprint: 'fp-2', amount: 1e6 }))).toBe(
      'not_final',
    );
  });
});
