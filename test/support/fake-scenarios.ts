import type {
  AuthenticationEvent,
  Outcome,
  ProviderCapabilities,
  ProviderReturnUrls,
  ProviderState,
  ReadHint,
  SessionRequest,
} from '@app/domain';

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

export interface FakeSession {
  readonly id: string;
  readonly transactionId: string;
  readonly request: SessionRequest;
  readonly urls: ProviderReturnUrls;
  readonly scenario: FakeScenario;
  event: AuthenticationEvent | null;
  status: string;
  awaitingMethod: boolean;
  awaitingInput: boolean;
  completed: boolean;
  /** How many snapshots it answered: the state it hands the flow to keep changes with each. */
  answers: number;
}

/** What a call was handed besides its arguments: the state the flow kept, and a read's hint. */
export interface HandedBack {
  readonly method: string;
  readonly providerState?: ProviderState;
  readonly hint?: ReadHint;
}

export const NOT_FOUND = 404;

export const FAKE_CAPABILITIES: ProviderCapabilities = {
  channels: ['browser', 'app', 'merchant_initiated'],
  threeDs1Fallback: true,
  hosted: true,
  checkoutPaymentSession: false,
  channelDataAfterCreate: true,
  nonPayment: true,
  idempotentCreate: false,
};
