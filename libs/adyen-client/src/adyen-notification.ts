import { hmacValidator as HmacValidator, type Types } from '@adyen/api-library';

/** An item of Adyen's standard webhook, in the parts we read (docs/adyen-authentication.md#webhooks). */
export interface AdyenNotificationItem {
  readonly eventCode: string;
  readonly pspReference: string;
  readonly merchantAccountCode: string;
  readonly merchantReference: string;
  readonly success: string;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly eventDate: Date | null;
  /** The item as posted: its signature covers these fields, so it is checked on them. */
  readonly signed: Types.notification.NotificationRequestItem;
}

/** More items than any batch Adyen sends (it batches by merchant account, up to hundreds). */
const MAX_ITEMS = 1_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The items of `{live, notificationItems: [{NotificationRequestItem}]}`, or undefined when the body
 * is not that envelope or any item lacks what its signature covers: such a body cannot be
 * verified, so none of it may be trusted.
 */
export function parseAdyenNotification(
  body: unknown,
): readonly AdyenNotificationItem[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.notificationItems)) return undefined;
  const wrapped = body.notificationItems;
  if (wrapped.length === 0 || wrapped.length > MAX_ITEMS) return undefined;
  const items = wrapped.map((one) =>
    isRecord(one) ? itemOf(one.NotificationRequestItem) : undefined,
  );
  return items.every((item) => item !== undefined) ? items : undefined;
}

function itemOf(value: unknown): AdyenNotificationItem | undefined {
  if (!isRecord(value) || !isRecord(value.amount) || !isRecord(value.additionalData)) {
    return undefined;
  }
  const { eventCode, pspReference, merchantAccountCode, merchantReference, success, eventDate } =
    value;
  const { value: minor, currency } = value.amount;
  const texts = [eventCode, pspReference, merchantAccountCode, merchantReference, success];
  if (!texts.every((text) => typeof text === 'string')) return undefined;
  if (!Number.isSafeInteger(minor) || typeof currency !== 'string') return undefined;
  if (typeof value.additionalData.hmacSignature !== 'string') return undefined;
  const date = typeof eventDate === 'string' ? new Date(eventDate) : null;
  return {
    eventCode: eventCode as string,
    pspReference: pspReference as string,
    merchantAccountCode: merchantAccountCode as string,
    merchantReference: merchantReference as string,
    success: success as string,
    amount: { value: minor as number, currency },
    eventDate: date && !Number.isNaN(date.getTime()) ? date : null,
    signed: value as unknown as Types.notification.NotificationRequestItem,
  };
}

const validator = new HmacValidator();

/**
 * The item's `additionalData.hmacSignature` matches under one of the hex keys (rotation: the
 * new one and the old one), by Adyen's own HmacValidator (HMAC-SHA256 over the signed fields,
 * compared with timingSafeEqual). Every key is tried, so the time says nothing about which one.
 */
export function adyenNotificationSigned(
  item: AdyenNotificationItem,
  hexKeys: readonly string[],
): boolean {
  let matched = false;
  for (const key of hexKeys) {
    try {
      matched = validator.validateHMAC(item.signed, key) || matched;
    } catch {
      // The library throws on a missing signature; parsing already demanded one.
    }
  }
  return matched;
}
