import { createHmac } from 'node:crypto';
import type { SimulatedAuthentication } from '../authentications/simulated-authentication.js';

export interface NotificationRequestItem {
  readonly additionalData: Record<string, string>;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly eventCode: 'AUTHENTICATION';
  readonly eventDate: string;
  readonly merchantAccountCode: string;
  readonly merchantReference: string;
  readonly pspReference: string;
  readonly paymentMethod: string;
  readonly reason?: string;
  readonly success: 'true' | 'false';
}

/**
 * The `AUTHENTICATION` item of a finished authentication (docs/adyen-simulator.md#webhooks):
 * `success` is "true" for Y and A, "false" otherwise, with the transStatus as `reason`. Which
 * `additionalData` keys Adyen sends is unconfirmed (docs/adyen-authentication.md#webhooks); the
 * model carries the Classic API's `threeds2.threeDS2Result.*` names.
 */
export function authenticationItem(
  authentication: SimulatedAuthentication,
  eventDate: string,
  hmacKey: string,
): NotificationRequestItem {
  const { transStatus } = authentication.issuerResult!;
  const succeeded = transStatus === 'Y' || transStatus === 'A';
  const unsigned = {
    amount: authentication.amount,
    eventCode: 'AUTHENTICATION' as const,
    eventDate,
    merchantAccountCode: authentication.merchantAccount,
    merchantReference: authentication.reference,
    pspReference: authentication.pspReference,
    paymentMethod: authentication.card.brand,
    ...(succeeded ? {} : { reason: transStatus }),
    success: succeeded ? ('true' as const) : ('false' as const),
  };
  return {
    ...unsigned,
    additionalData: {
      'threeds2.threeDS2Result.transStatus': transStatus,
      'threeds2.threeDS2Result.dsTransID': authentication.dsTransID,
      'threeds2.threeDS2Result.threeDSServerTransID': authentication.threeDSServerTransID,
      hmacSignature: hmacSignature(unsigned, hmacKey),
    },
  };
}

/**
 * HMAC-SHA256 over `pspReference:originalReference:merchantAccountCode:merchantReference:`
 * `value:currency:eventCode:success` with the hex-decoded key, base64
 * (docs/adyen-authentication.md#signature).
 */
export function hmacSignature(
  item: Omit<NotificationRequestItem, 'additionalData'> & { originalReference?: string },
  hexKey: string,
): string {
  const signed = [
    item.pspReference,
    item.originalReference ?? '',
    item.merchantAccountCode,
    item.merchantReference,
    String(item.amount.value),
    item.amount.currency,
    item.eventCode,
    item.success,
  ].join(':');
  return createHmac('sha256', Buffer.from(hexKey, 'hex')).update(signed, 'utf8').digest('base64');
}

/** The standard-webhook envelope: `{live, notificationItems: [{NotificationRequestItem}]}`. */
export const notificationEnvelope = (item: NotificationRequestItem): object => ({
  live: 'false',
  notificationItems: [{ NotificationRequestItem: item }],
});
