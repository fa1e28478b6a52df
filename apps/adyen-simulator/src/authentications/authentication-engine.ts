import { SimulatorClock, encodeBase64Json } from '@app/simulator-kit';
import { Inject, Injectable } from '@nestjs/common';
import { passesLuhn, testCardFor, type TransStatus } from '../cards/test-cards.js';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../config/adyen-simulator.config.js';
import { AdyenError } from '../http/adyen-error.js';
import { newOpaqueToken, newPspReference, newTransactionId } from '../http/psp-reference.js';
import { WebhookSender } from '../webhooks/webhook.sender.js';
import {
  authenticationFinished,
  authenticationNotRequired,
  challengeShopper,
  identifyShopper,
  refusal,
} from './answers.js';
import { AuthenticationStore } from './authentication.store.js';
import type { CardPaymentRequest, DetailsRequest } from './payment-request.js';
import type { IssuerResult, SimulatedAuthentication } from './simulated-authentication.js';

type Answer = Record<string, unknown>;
export type ChallengeAnswer = 'authenticated' | 'wrong_password' | 'cancelled';

const COMPLETION_INDICATORS = ['Y', 'N', 'U'];

/** The state machine of docs/adyen-simulator.md#model, driven by the API and the ACS pages. */
@Injectable()
export class AuthenticationEngine {
  constructor(
    private readonly store: AuthenticationStore,
    private readonly clock: SimulatorClock,
    private readonly webhooks: WebhookSender,
    @Inject(adyenSimulatorConfig.KEY) private readonly config: AdyenSimulatorConfig,
  ) {}

  start(request: CardPaymentRequest): Answer {
    if (request.merchantAccount !== this.config.merchantAccount) {
      throw AdyenError.invalidMerchantAccount();
    }
    if (!passesLuhn(request.number)) throw AdyenError.validation('101', 'Invalid card number');
    const authentication = this.create(request);
    if (this.expired(request)) {
      authentication.state = 'refused';
      return refusal(authentication, 'Refused', 'Expired Card', '6');
    }
    switch (authentication.card.flow) {
      case 'not_enrolled':
        authentication.state = 'not_required';
        return authenticationNotRequired(authentication);
      case 'ds_error':
        authentication.state = 'error';
        return refusal(authentication, 'Error', 'Issuer Unavailable', '9');
      default:
        return authentication.card.threeDSMethod
          ? identifyShopper(authentication, this.config.publicUrl)
          : this.withoutFingerprint(authentication);
    }
  }

  /**
   * The fingerprint result Adyen's 3DS2 component posts from the browser (checkoutshopper
   * `v1/submitThreeDS2Fingerprint`): the next action, or the result to send to `/payments/details`.
   * Since v67 the challenge action comes from here, not from `/payments/details`, whose v71 schema
   * has no `action` (docs/adyen-simulator.md#model).
   */
  submitFingerprint(paymentData: unknown, fingerprintResult: Record<string, unknown>): Answer {
    const authentication = this.store.find(
      (one) => one.paymentData === paymentData && one.state === 'fingerprint_pending',
    );
    if (!authentication) throw AdyenError.validation('702', "Field 'paymentData' is not valid.");
    const indicator = fingerprintResult.threeDSCompInd;
    if (typeof indicator !== 'string' || !COMPLETION_INDICATORS.includes(indicator)) {
      throw AdyenError.validation('702', "Field 'threeDSCompInd' is not valid.");
    }
    authentication.threeDSCompInd = indicator;
    authentication.authorisationToken = newOpaqueToken();
    if (authentication.card.flow === 'challenge') {
      this.openChallengeFor(authentication);
      return {
        type: 'action',
        action: challengeShopper(authentication, this.config.publicUrl).action,
      };
    }
    authentication.issuerResult = { transStatus: authentication.card.outcome as TransStatus };
    authentication.state = 'result_pending';
    const { transStatus } = authentication.issuerResult;
    const { authorisationToken } = authentication;
    return {
      type: 'completed',
      details: { threeDSResult: encodeBase64Json({ transStatus, authorisationToken }) },
    };
  }

  details(request: DetailsRequest): Answer {
    const token = request.result.authorisationToken;
    const authentication = this.store.find(
      (one) =>
        (request.paymentData !== undefined && one.paymentData === request.paymentData) ||
        (typeof token === 'string' && one.authorisationToken === token),
    );
    if (!authentication) throw AdyenError.validation('702', "Field 'paymentData' is not valid.");
    switch (authentication.state) {
      case 'result_pending':
        return this.finish(authentication, authentication.issuerResult!);
      case 'finished':
        return authenticationFinished(authentication);
      default:
        throw AdyenError.validation('702', `Authentication is ${authentication.state}`);
    }
  }

  /** The browser reached the issuer's 3DS Method page with this transaction's id. */
  recordThreeDsMethod(threeDSServerTransID: string): boolean {
    const authentication = this.store.find(
      (one) => one.threeDSServerTransID === threeDSServerTransID,
    );
    if (authentication) authentication.threeDSMethodCompleted = true;
    return authentication !== undefined;
  }

  /** The authentication whose challenge is open under this ACS transaction id. */
  openChallenge(acsTransID: unknown): SimulatedAuthentication | undefined {
    return this.store.find(
      (one) => one.acsTransID === acsTransID && one.state === 'challenge_pending',
    );
  }

  /** The cardholder's answer on the ACS page: the RReq's transStatus (docs/adyen-simulator.md#challenge). */
  answerChallenge(authentication: SimulatedAuthentication, answer: ChallengeAnswer): IssuerResult {
    const result: IssuerResult =
      answer === 'authenticated'
        ? { transStatus: authentication.card.outcome ?? 'Y' }
        : answer === 'wrong_password'
          ? { transStatus: 'N' }
          : { transStatus: 'U', challengeCancel: '01' };
    authentication.issuerResult = result;
    authentication.state = 'result_pending';
    return result;
  }

  /** A card range without a 3DS Method: the ARes comes with the first answer. */
  private withoutFingerprint(authentication: SimulatedAuthentication): Answer {
    if (authentication.card.flow === 'challenge') {
      this.openChallengeFor(authentication);
      return challengeShopper(authentication, this.config.publicUrl);
    }
    return this.finish(authentication, { transStatus: authentication.card.outcome as TransStatus });
  }

  private openChallengeFor(authentication: SimulatedAuthentication): void {
    authentication.state = 'challenge_pending';
    authentication.challenged = true;
  }

  private finish(authentication: SimulatedAuthentication, result: IssuerResult): Answer {
    authentication.issuerResult = result;
    authentication.state = 'finished';
    authentication.finishedAt = this.clock.nowDate().toISOString();
    this.webhooks.emitAuthentication(authentication);
    return authenticationFinished(authentication);
  }

  private create(request: CardPaymentRequest): SimulatedAuthentication {
    const authentication: SimulatedAuthentication = {
      pspReference: newPspReference(),
      merchantAccount: request.merchantAccount,
      reference: request.reference,
      amount: request.amount,
      card: testCardFor(request.number),
      messageVersion: request.messageVersion,
      threeDSServerTransID: newTransactionId(),
      acsTransID: newTransactionId(),
      dsTransID: newTransactionId(),
      paymentData: newOpaqueToken(),
      notificationUrl: request.notificationUrl,
      createdAt: this.clock.nowDate().toISOString(),
      state: 'fingerprint_pending',
      authorisationToken: newOpaqueToken(),
      threeDSMethodCompleted: false,
      challenged: false,
    };
    this.store.add(authentication);
    return authentication;
  }

  private expired(request: CardPaymentRequest): boolean {
    const now = this.clock.nowDate();
    const year = Number(
      request.expiryYear.length === 2 ? `20${request.expiryYear}` : request.expiryYear,
    );
    const month = Number(request.expiryMonth);
    return (
      year < now.getUTCFullYear() ||
      (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)
    );
  }
}
