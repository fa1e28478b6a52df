import type { Guidance, Outcome } from '../authentication/outcome.js';

/** Everything downstream authorization may need, in one neutral shape. */
export interface AuthenticationResult {
  readonly authenticationId: string;
  /**
   * The provider's session id (Checkout's `sid_…`: what Checkout payments take as
   * `3ds.authentication_id`). `authenticationId` is always ours (`auth_…`).
   */
  readonly providerSessionId: string | null;
  readonly outcome: Outcome;
  readonly guidance: Guidance;
  readonly protocolVersion?: string;
  readonly transStatus?: string;
  readonly transStatusReason?: string;
  readonly eci?: string;
  /** CAVV / AAV, base64. */
  readonly cryptogram?: string;
  readonly xid?: string;
  readonly dsTransactionId?: string;
  readonly threeDsServerTransactionId?: string;
  readonly acsTransactionId?: string;
  /** The exemption the issuer applied (`none` when none). */
  readonly exemption?: string;
  /** The exemption requested: the 3DS Requestor challenge indicator, as the provider names it. */
  readonly challengeIndicator?: string;
  readonly challenged?: boolean;
  /** The ACS said a challenge is mandated (EMV acsChallengeMandated). */
  readonly challengeMandated?: boolean;
  /** Why a challenge was cancelled, as the provider words it (`cardholder_cancel`, …). */
  readonly challengeCancelReason?: string;
  /** EMV challengeCancel code (`01`–`08`) for the same. */
  readonly challengeCancelCode?: string;
  /** Text from the DS/ACS that EMV says must be shown to the cardholder (cardholderInfo). */
  readonly cardholderInfo?: string;
  /** Cartes Bancaires' scheme data (message extensions CB-SCORE, CB-AVALGO, CB-EXEMPTION). */
  readonly cartesBancaires?: CartesBancairesResult;
  readonly flowType?: string;
  readonly authenticationDate?: string;
  readonly amount: number | null;
  readonly currency: string;
}

export interface CartesBancairesResult {
  /** DS risk score, 0–99. */
  readonly score?: string;
  /** Algorithm the ACS used for the authentication value (cavvAlgorithm). */
  readonly avalgo?: string;
  /** CB exemption bitmap, base64 (4 characters). */
  readonly exemption?: string;
}

export const RESULT_FORMATS = ['generic', 'checkout', 'stripe', 'adyen'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];
