import type { TransStatus } from '@app/domain';

/**
 * What a trigger hands to the flow once it has verified and read an outside input: neutral
 * values in our words, so that the adapters and pages that received the input translate and never
 * decide (docs/design.md#rooms). Every one is a hint: the flow re-reads the session.
 */

/** A provider posted to our callback URL; the token in the URL authenticates it. */
export interface CallbackSignal {
  /** The name of the provider whose callback route it came in on (its adapter's). */
  readonly provider: string;
  readonly authenticationId: string;
  readonly token: string;
  /** The status the body hints at, in the provider's words (`other` when none it knows). */
  readonly hintedStatus: string;
  /** The body as posted: distinct callbacks are told apart by it. */
  readonly body: Buffer;
}

/** What became of a callback: its token held (new or a repeat), or it named no authentication. */
export type CallbackDisposition = 'accepted' | 'duplicate' | 'refused';

/** A verified provider event (a webhook) about one of the provider's sessions. */
export interface ProviderEventSignal {
  /** The name of the provider that sent it (its adapter's). */
  readonly provider: string;
  /** The provider's event id: a repeat is recognised by it. */
  readonly eventId: string;
  /** The provider's event type, kept with the event. */
  readonly type: string;
  readonly providerSessionId: string;
  /** False when the event only says the session started: nothing to re-read for. */
  readonly tellsNews: boolean;
  /** What the provider says of the request: matches a session whose create never heard back. */
  readonly reference: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  /** When the provider raised it (or we received it). */
  readonly occurredAt: Date;
}

/** The issuer's 3DS Method page posted back (EMV threeDSMethodNotificationURL). */
export interface MethodNotificationSignal {
  readonly authenticationId: string;
  /** `threeDSServerTransID` of the posted `threeDSMethodData`, when it decodes. */
  readonly serverTransactionId: string | undefined;
  /** What was posted: distinct posts are told apart by it. */
  readonly input: unknown;
}

/** What the ACS posted to the challenge notification URL, as read from the form. */
export type ChallengeAnswer =
  /** EMV CRes: its transaction ids, to match the authentication's. */
  | {
      readonly kind: 'cres';
      readonly serverTransactionId: unknown;
      readonly acsTransactionId: unknown;
      /** The final CRes's transStatus (EMV 3DS: Y or N), when the post carried one. */
      readonly transStatus?: TransStatus;
    }
  /** 3DS1 PaRes: the `MD` the provider gave the ACS (its session id). */
  | { readonly kind: 'pares'; readonly merchantData: unknown }
  | { readonly kind: 'none' };

export interface ChallengeNotificationSignal {
  readonly authenticationId: string;
  readonly answer: ChallengeAnswer;
  /** What was posted: distinct posts are told apart by it. */
  readonly input: unknown;
}

/** The provider's hosted page sent the cardholder back to one of our pages. */
export interface HostedReturnSignal {
  readonly authenticationId: string;
  readonly token: string;
  /** Which of our pages (HOSTED_RETURN_PAGES); anything else is a URL we never gave. */
  readonly page: string;
}

/** The 3DS SDK's ChallengeStatusReceiver callbacks (EMV 3DS SDK specification). */
export const SDK_CHALLENGE_EVENTS = [
  'completed',
  'cancelled',
  'timed_out',
  'protocol_error',
  'runtime_error',
] as const;
export type SdkChallengeEvent = (typeof SDK_CHALLENGE_EVENTS)[number];

/**
 * The app's backend reports that its 3DS SDK ended the challenge: how, and for `completed` the
 * EMV transStatus. A hint either way: the flow re-reads the provider's session.
 */
export interface AppChallengeReport {
  readonly event?: SdkChallengeEvent;
  readonly trans_status?: string;
  readonly sdk_transaction_id?: string;
}
