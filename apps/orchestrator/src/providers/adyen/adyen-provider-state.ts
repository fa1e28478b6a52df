import type { ProviderSessionContext, ProviderState } from '@app/domain';

/**
 * Where an Adyen authentication stands, as only we can know it: Adyen has no read of a pending
 * authentication (docs/adyen-authentication.md#limits).
 */
export const ADYEN_PHASES = ['fingerprint', 'challenge', 'finished'] as const;
export type AdyenPhase = (typeof ADYEN_PHASES)[number];

/** What the last action's `token` carried (docs/adyen-authentication.md#actions). */
export interface AdyenActionToken {
  readonly threeDSServerTransID?: string;
  /** The fingerprint's: the issuer's 3DS Method page. */
  readonly threeDSMethodUrl?: string;
  /** The challenge's: the ACS page, its transaction id and the protocol version. */
  readonly acsURL?: string;
  readonly acsTransID?: string;
  readonly messageVersion?: string;
}

/** The parts of Adyen's `threeDS2Result` we read (docs/adyen-authentication.md#result-fields). */
export interface AdyenThreeDS2Fields {
  readonly authenticationValue?: string;
  readonly cavvAlgorithm?: string;
  readonly challengeCancel?: string;
  readonly dsTransID?: string;
  readonly eci?: string;
  readonly exemptionIndicator?: string;
  readonly messageVersion?: string;
  readonly riskScore?: string;
  readonly threeDSRequestorChallengeInd?: string;
  readonly threeDSServerTransID?: string;
  readonly timestamp?: string;
  readonly transStatus?: string;
  readonly transStatusReason?: string;
}

/**
 * What the adapter keeps between calls (docs/adyen-adapter.md#calls), handed back by the flow in
 * `ProviderSessionContext.providerState`, stored sealed: `paymentData` is a bearer at
 * checkoutshopper, which takes only the public client key besides.
 */
export interface AdyenProviderState {
  readonly phase: AdyenPhase;
  /** Adyen's last `resultCode`: the provider status a snapshot reports. */
  readonly resultCode: string;
  readonly paymentData?: string;
  /** The last action's; it changes at the fingerprint. */
  readonly authorisationToken?: string;
  readonly token: AdyenActionToken;
  /** Epoch milliseconds: our model of an authentication's lifetime runs from here. */
  readonly startedAt: number;
  readonly challengeIssuedAt?: number;
  readonly challenged: boolean;
  /** From the card number, which is never kept. */
  readonly scheme?: string;
  /** Adyen gives it only with a final answer (docs/adyen-simulator.md#model). */
  readonly pspReference?: string;
  readonly refusalReason?: string;
  /** The final result without the cryptogram: what a read that brings nothing new answers. */
  readonly result?: AdyenThreeDS2Fields;
  /** What we sent: matches a session we never heard back about (none after a read by id alone). */
  readonly recorded: {
    readonly reference?: string;
    readonly currency?: string;
    readonly amount?: number;
  };
}

/** Adyen's `pspReference`: 16 upper-case letters and digits. */
export const isPspReference = (id: string): boolean => /^[A-Z0-9]{16}$/.test(id);

/** The state the flow handed back, when it is ours (it is opaque to the flow). */
export function adyenStateOf(context: ProviderSessionContext): AdyenProviderState | undefined {
  const state = context.providerState as Partial<AdyenProviderState> | undefined;
  return state && (ADYEN_PHASES as readonly unknown[]).includes(state.phase)
    ? (state as AdyenProviderState)
    : undefined;
}

export const asProviderState = (state: AdyenProviderState): ProviderState =>
  state as unknown as ProviderState;

/** The result kept in the state: never the cryptogram, which is stored encrypted on its own. */
export function withoutCryptogram(result: AdyenThreeDS2Fields): AdyenThreeDS2Fields {
  const { authenticationValue: _cryptogram, ...kept } = result;
  return kept;
}

/** An action's token: base64 JSON, Adyen's (docs/adyen-authentication.md#actions). */
export function decodeActionToken(token: string | undefined): AdyenActionToken {
  if (!token) return {};
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null ? decoded : {};
  } catch {
    return {};
  }
}
