import type { TestCard, TransStatus } from '../cards/test-cards.js';

/**
 * One authentication's state machine (docs/adyen-simulator.md#model):
 * fingerprint_pending → (challenge_pending →) result_pending → finished, or a final answer at
 * once (finished, not_required, refused, error).
 */
export type AuthenticationState =
  | 'fingerprint_pending'
  | 'challenge_pending'
  | 'result_pending'
  | 'finished'
  | 'not_required'
  | 'refused'
  | 'error';

export interface IssuerResult {
  readonly transStatus: TransStatus;
  readonly challengeCancel?: string;
}

export interface SimulatedAuthentication {
  readonly pspReference: string;
  readonly merchantAccount: string;
  readonly reference: string;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly card: TestCard;
  readonly messageVersion: string;
  readonly threeDSServerTransID: string;
  readonly acsTransID: string;
  readonly dsTransID: string;
  /** What the caller sends back as `paymentData`; fixed for the whole authentication. */
  readonly paymentData: string;
  /** Where the ACS posts the CRes: the request's `threeDS2RequestData.notificationURL`. */
  readonly notificationUrl?: string;
  readonly createdAt: string;
  state: AuthenticationState;
  /** The current step's `action.authorisationToken`, which `threeDSResult` may carry back. */
  authorisationToken: string;
  threeDSCompInd?: string;
  /** The issuer saw the browser on its 3DS Method page. */
  threeDSMethodCompleted: boolean;
  /** The issuer's answer: the ARes (frictionless) or the RReq after the challenge. */
  issuerResult?: IssuerResult;
  challenged: boolean;
  finishedAt?: string;
}
