import { createHmac } from 'node:crypto';

export type NotificationItemFields = Record<string, unknown> & {
  amount: { value: unknown; currency: unknown };
};

/**
 * A standard-webhook item signed as Adyen documents it (docs/adyen-authentication.md#signature):
 * HMAC-SHA256 of `pspReference:originalReference:merchantAccountCode:merchantReference:`
 * `value:currency:eventCode:success` under the hex key, base64. Written from the documentation,
 * not taken from the simulator or the service.
 */
export function signedAdyenItem(
  fields: NotificationItemFields,
  hexKey: string,
): NotificationItemFields & { additionalData: { hmacSignature: string } } {
  const signed = [
    fields.pspReference,
    fields.originalReference ?? '',
    fields.merchantAccountCode,
    fields.merchantReference,
    fields.amount.value,
    fields.amount.currency,
    fields.eventCode,
    fields.success,
  ]
    .map(String)
    .join(':');
  const hmacSignature = createHmac('sha256', Buffer.from(hexKey, 'hex'))
    .update(signed)
    .digest('base64');
  return { ...fields, additionalData: { hmacSignature } };
}

/** The standard-webhook envelope: `{live, notificationItems: [{NotificationRequestItem}]}`. */
export const adyenEnvelope = (...items: object[]) => ({
  live: 'false',
  notificationItems: items.map((NotificationRequestItem) => ({ NotificationRequestItem })),
});
