import type { ProviderChannel, SessionRequest } from '../provider/session-request.js';

/**
 * What a provider can do where providers differ in ways the flow must know before it routes a
 * create there (docs/routing.md#capabilities). Each one is declared by the provider's adapter.
 */
export interface ProviderCapabilities {
  /**
   * The EMV 3DS device channels it runs: a provider may offer no SDK flow (app) or no 3RI
   * (merchant_initiated, an EMV 3DS 2.2 message category some providers do not send).
   */
  readonly channels: readonly ProviderChannel[];
  /**
   * It falls back to 3DS1 (a PaReq redirect to the ACS) for a card not enrolled in 3DS2
   * (docs/checkout-sessions.md#3ds1-fallback); without it such a card ends not enrolled.
   */
  readonly threeDs1Fallback: boolean;
  /**
   * Its own page runs the 3DS Method and the challenge, so the team only redirects
   * (docs/design.md#hosted-sessions); the EMV protocol has no such mode, so not every provider
   * offers one.
   */
  readonly hosted: boolean;
  /**
   * Its session id is a Checkout session (`sid_…`) that Checkout's payments take as
   * `3ds.authentication_id` (docs/result-formats.md#ids); any other provider's result must be
   * handed over as ECI and cryptogram instead.
   */
  readonly checkoutPaymentSession: boolean;
  /**
   * It takes the browser's or app's channel data after the session was created (EMV 3DS lets the
   * 3DS Server collect it at any point before the AReq); a provider that starts the AReq in its
   * create call needs it in that call.
   */
  readonly channelDataAfterCreate: boolean;
  /**
   * It runs a non-payment authentication (EMV 3DS messageCategory 02: no purchase amount), as
   * for adding a card.
   */
  readonly nonPayment: boolean;
  /**
   * A create re-sent with the same idempotency key answers the first attempt instead of creating
   * a second session, so a create whose answer was lost may be re-sent.
   */
  readonly idempotentCreate: boolean;
}

/** What a create relies on, from the request itself and from the team's way of paying. */
export interface ProviderNeeds {
  readonly channel: ProviderChannel;
  readonly hosted: boolean;
  readonly threeDs1Fallback: boolean;
  readonly checkoutPaymentSession: boolean;
  /** A browser or app create without its channel data: the data comes later. */
  readonly channelDataAfterCreate: boolean;
  readonly nonPayment: boolean;
}

/** The needs a provider may leave unmet, as a 422 names them. */
export const PROVIDER_NEEDS = [
  'channel',
  'hosted',
  'three_ds1_fallback',
  'checkout_payment_session',
  'channel_data_after_create',
  'non_payment',
] as const;
export type ProviderNeed = (typeof PROVIDER_NEEDS)[number];

/** What the team relies on beyond its request: settings of the team, not of one create. */
export type TeamReliance = Pick<ProviderNeeds, 'threeDs1Fallback' | 'checkoutPaymentSession'>;

/** A team that relies on neither: what every team is until a team setting says otherwise. */
export const NO_TEAM_RELIANCE: TeamReliance = {
  threeDs1Fallback: false,
  checkoutPaymentSession: false,
};

/** The channels whose device data a provider must collect: a 3RI has no cardholder device. */
const CHANNELS_WITH_DEVICE_DATA: ReadonlySet<ProviderChannel> = new Set(['browser', 'app']);

export const providerNeedsOf = (request: SessionRequest, team: TeamReliance): ProviderNeeds => ({
  channel: request.channel,
  hosted: request.hosted !== undefined,
  ...team,
  // A hosted session's own page collects the browser's data.
  channelDataAfterCreate:
    CHANNELS_WITH_DEVICE_DATA.has(request.channel) &&
    request.channel_data === undefined &&
    request.hosted === undefined,
  nonPayment: request.amount === undefined,
});

/** The needs the provider leaves unmet, in PROVIDER_NEEDS order; none: it can serve the create. */
export function unmetNeeds(
  needs: ProviderNeeds,
  capabilities: ProviderCapabilities,
): ProviderNeed[] {
  const unmet: Record<ProviderNeed, boolean> = {
    channel: !capabilities.channels.includes(needs.channel),
    hosted: needs.hosted && !capabilities.hosted,
    three_ds1_fallback: needs.threeDs1Fallback && !capabilities.threeDs1Fallback,
    checkout_payment_session: needs.checkoutPaymentSession && !capabilities.checkoutPaymentSession,
    channel_data_after_create: needs.channelDataAfterCreate && !capabilities.channelDataAfterCreate,
    non_payment: needs.nonPayment && !capabilities.nonPayment,
  };
  return PROVIDER_NEEDS.filter((need) => unmet[need]);
}
