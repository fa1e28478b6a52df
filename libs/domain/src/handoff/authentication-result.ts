import type { Guidance, Outcome } from '../authentication/outcome.js';

/** Everything downstream authorization may need, in one neutral shape. */
export interface AuthenticationResult {
  readonly authenticationId: string;
  /**
   * The provider's session id (Checkout's `sid_…`: what Checkout payments take as
   * `3ds.authentication_id`).
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
  readonly exemption?: string;
  readonly challenged?: boolean;
  readonly flowType?: string;
  readonly authenticationDate?: string;
  readonly amount: number | null;
  readonly currency: string;
}

export const RESULT_FORMATS = ['generic', 'checkout', 'stripe', 'adyen'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];
