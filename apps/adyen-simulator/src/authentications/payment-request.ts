import { decodeJson } from '@app/simulator-kit';
import { AdyenError } from '../http/adyen-error.js';

export interface CardPaymentRequest {
  readonly merchantAccount: string;
  readonly reference: string;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly number: string;
  readonly expiryMonth: string;
  readonly expiryYear: string;
  readonly messageVersion: string;
  readonly notificationUrl?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const missing = (field: string) =>
  AdyenError.validation('702', `Required field '${field}' is not provided.`);
const invalid = (field: string) => AdyenError.validation('702', `Field '${field}' is not valid.`);

function text(body: Json, field: string, path = field): string {
  const value = body[field];
  if (value === undefined) throw missing(path);
  if (typeof value !== 'string' || value.length === 0) throw invalid(path);
  return value;
}

/**
 * The `/payments` fields a standalone browser authentication uses (docs/adyen-authentication.md#payment-request),
 * checked as the simulator's model: what it cannot serve (a payment, the redirect flow, an app) is refused
 * with 422 rather than answered wrongly (docs/adyen-simulator.md#requests).
 */
export function readPaymentRequest(raw: unknown): CardPaymentRequest {
  if (!isObject(raw)) throw new AdyenError(400, '702', 'Unexpected input', 'validation');
  const merchantAccount = text(raw, 'merchantAccount');
  const reference = text(raw, 'reference');
  if (reference.length > 80) throw invalid('reference');
  text(raw, 'returnUrl');
  const amount = raw.amount;
  if (!isObject(amount)) throw missing('amount');
  if (!Number.isSafeInteger(amount.value) || (amount.value as number) < 0)
    throw invalid('amount.value');
  if (typeof amount.currency !== 'string' || !/^[A-Z]{3}$/.test(amount.currency)) {
    throw invalid('amount.currency');
  }
  const authenticationData = isObject(raw.authenticationData) ? raw.authenticationData : {};
  if (authenticationData.authenticationOnly !== true) {
    throw AdyenError.validation(
      '905',
      'Payment details are not supported: the simulator authenticates only (authenticationData.authenticationOnly: true)',
    );
  }
  const threeDSRequestData = isObject(authenticationData.threeDSRequestData)
    ? authenticationData.threeDSRequestData
    : {};
  if (threeDSRequestData.nativeThreeDS !== 'preferred') {
    throw invalid('authenticationData.threeDSRequestData.nativeThreeDS');
  }
  if (raw.channel !== 'Web') throw invalid('channel');
  if (!isObject(raw.browserInfo)) throw missing('browserInfo');
  for (const field of ['acceptHeader', 'userAgent'])
    text(raw.browserInfo, field, `browserInfo.${field}`);
  const method = raw.paymentMethod;
  if (!isObject(method)) throw missing('paymentMethod');
  if (method.type !== 'scheme') throw invalid('paymentMethod.type');
  const fields = isObject(raw.threeDS2RequestData) ? raw.threeDS2RequestData : {};
  const notificationUrl =
    typeof fields.notificationURL === 'string' ? fields.notificationURL : undefined;
  const version = threeDSRequestData.threeDSVersion;
  return {
    merchantAccount,
    reference,
    amount: { value: amount.value as number, currency: amount.currency },
    number: text(method, 'number', 'paymentMethod.number'),
    expiryMonth: text(method, 'expiryMonth', 'paymentMethod.expiryMonth'),
    expiryYear: text(method, 'expiryYear', 'paymentMethod.expiryYear'),
    messageVersion: version === '2.1.0' ? '2.1.0' : '2.2.0',
    notificationUrl,
  };
}

export interface DetailsRequest {
  readonly paymentData?: string;
  /** The decoded `details.threeDSResult` (or the older `threeds2.*` fields). */
  readonly result: Json;
}

/** `/payments/details`: `details.threeDSResult`, base64 JSON (docs/adyen-authentication.md#actions). */
export function readDetailsRequest(raw: unknown): DetailsRequest {
  if (!isObject(raw)) throw new AdyenError(400, '702', 'Unexpected input', 'validation');
  if (!isObject(raw.details)) throw missing('details');
  const encoded =
    raw.details.threeDSResult ??
    raw.details['threeds2.fingerprint'] ??
    raw.details['threeds2.challengeResult'];
  if (typeof encoded !== 'string') throw missing('details.threeDSResult');
  const result = decodeJson(encoded);
  if (!result) throw invalid('details.threeDSResult');
  const paymentData = typeof raw.paymentData === 'string' ? raw.paymentData : undefined;
  return { paymentData, result };
}
