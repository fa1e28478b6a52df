import type { Outcome, SessionRequest } from '@app/domain';

/** How a fake session answers its create, as a provider would for such a card. */
export type FakeScenario =
  /** A result at once (channel data came with the create). */
  | { readonly answer: 'result'; readonly outcome: Outcome }
  /** Waits for the 3DS Method, then channel data, then gives `outcome`. */
  | { readonly answer: 'method'; readonly outcome: Outcome }
  /** Asks for a challenge, whose result `passChallenge` gives. */
  | { readonly answer: 'challenge' }
  /** The create went out and no answer came back (the session exists, with a result). */
  | { readonly answer: 'lost' }
  /** The provider refused the create with these codes. */
  | { readonly answer: 'refused'; readonly codes: readonly string[] };

/** Cards the fake tells apart when no scenario was given for a create; any other is frictionless. */
export const FAKE_CARDS = {
  frictionless: '4485040371536584',
  challenge: '4242424242424242',
  refused: '4484070000035519',
} as const;

/** A create's answer by its card, as a provider's sandbox gives it. */
export function scenarioByCard(request: SessionRequest): FakeScenario {
  const card = request.source.type === 'card' ? request.source.number : undefined;
  if (card === FAKE_CARDS.refused) return { answer: 'refused', codes: ['processing_declined'] };
  if (card === FAKE_CARDS.challenge) return { answer: 'challenge' };
  return request.channel_data
    ? { answer: 'result', outcome: 'authenticated' }
    : { answer: 'method', outcome: 'authenticated' };
}
