import { encodeBase64Json } from '@app/simulator-kit';
import { eciFor, transStatusReasonFor } from '../cards/test-cards.js';
import { newAuthenticationValue } from '../http/psp-reference.js';
import type { SimulatedAuthentication } from './simulated-authentication.js';

type Answer = Record<string, unknown>;

/**
 * The simulator's stand-ins for the notification pages Adyen's token names when the caller gives
 * none (docs/adyen-authentication.md#actions: the token's URLs are Adyen's).
 */
export const METHOD_NOTIFICATION_PATH = '/threeDS2/methodNotification';
export const CHALLENGE_NOTIFICATION_PATH = '/threeDS2/challengeNotification';

/**
 * `IdentifyShopper`: the 3DS Method's data in `action.token` (docs/adyen-authentication.md#actions).
 * No `pspReference` yet: Adyen gives it with the `/payments/details` answer for actions
 * (PaymentResponse.pspReference in Adyen's OpenAPI document).
 */
export function identifyShopper(
  authentication: SimulatedAuthentication,
  publicUrl: string,
): Answer {
  return {
    resultCode: 'IdentifyShopper',
    action: threeDS2Action(authentication, 'fingerprint', {
      threeDSMethodNotificationURL: `${publicUrl}${METHOD_NOTIFICATION_PATH}`,
      threeDSMethodUrl: `${publicUrl}/acs/3ds-method`,
      threeDSServerTransID: authentication.threeDSServerTransID,
    }),
  };
}

/** `ChallengeShopper`: the CReq's data in `action.token`. */
export function challengeShopper(
  authentication: SimulatedAuthentication,
  publicUrl: string,
): Answer {
  return {
    resultCode: 'ChallengeShopper',
    action: threeDS2Action(authentication, 'challenge', {
      acsReferenceNumber: 'ADYEN-SIMULATOR-ACS',
      acsTransID: authentication.acsTransID,
      acsURL: `${publicUrl}/acs/challenge`,
      messageVersion: authentication.messageVersion,
      threeDSNotificationURL:
        authentication.notificationUrl ?? `${publicUrl}${CHALLENGE_NOTIFICATION_PATH}`,
      threeDSServerTransID: authentication.threeDSServerTransID,
    }),
  };
}

function threeDS2Action(
  authentication: SimulatedAuthentication,
  subtype: 'fingerprint' | 'challenge',
  token: object,
): Answer {
  return {
    type: 'threeDS2',
    subtype,
    token: encodeBase64Json(token),
    paymentData: authentication.paymentData,
    authorisationToken: authentication.authorisationToken,
    paymentMethodType: 'scheme',
  };
}

/**
 * `AuthenticationFinished` for every issuer answer, N, R and U included: the model's choice
 * (docs/adyen-authentication.md#result-codes leaves it unconfirmed); `transStatus` says how it ended.
 */
export function authenticationFinished(authentication: SimulatedAuthentication): Answer {
  return {
    resultCode: 'AuthenticationFinished',
    pspReference: authentication.pspReference,
    merchantReference: authentication.reference,
    threeDS2Result: threeDS2Result(authentication),
  };
}

/** The result fields (docs/adyen-authentication.md#result-fields); a value only for Y and A. */
export function threeDS2Result(authentication: SimulatedAuthentication): Answer {
  const { transStatus, challengeCancel } = authentication.issuerResult!;
  const reason = transStatusReasonFor(transStatus);
  return {
    ...(transStatus === 'Y' || transStatus === 'A'
      ? { authenticationValue: authenticationValueOf(authentication) }
      : {}),
    eci: eciFor(authentication.card.brand, transStatus),
    dsTransID: authentication.dsTransID,
    threeDSServerTransID: authentication.threeDSServerTransID,
    messageVersion: authentication.messageVersion,
    transStatus,
    ...(reason ? { transStatusReason: reason } : {}),
    ...(challengeCancel ? { challengeCancel } : {}),
    timestamp: authentication.finishedAt,
  };
}

const AUTHENTICATION_VALUES = new WeakMap<SimulatedAuthentication, string>();

/** One cryptogram per authentication, the same on every read. */
function authenticationValueOf(authentication: SimulatedAuthentication): string {
  let value = AUTHENTICATION_VALUES.get(authentication);
  if (!value) {
    value = newAuthenticationValue();
    AUTHENTICATION_VALUES.set(authentication, value);
  }
  return value;
}

/** `AuthenticationNotRequired` with `threeDSPaymentData` (docs/adyen-authentication.md#result-fields). */
export function authenticationNotRequired(authentication: SimulatedAuthentication): Answer {
  return {
    resultCode: 'AuthenticationNotRequired',
    pspReference: authentication.pspReference,
    merchantReference: authentication.reference,
    threeDSPaymentData: authentication.paymentData,
  };
}

/** `Refused` / `Error` with Adyen's refusal reason and its code (docs/adyen-simulator.md#test-cards). */
export function refusal(
  authentication: SimulatedAuthentication,
  resultCode: 'Refused' | 'Error',
  refusalReason: string,
  refusalReasonCode: string,
): Answer {
  return {
    resultCode,
    pspReference: authentication.pspReference,
    merchantReference: authentication.reference,
    refusalReason,
    refusalReasonCode,
  };
}
