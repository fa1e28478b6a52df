import type { Client, Types } from '@adyen/api-library';
import type { AdyenOperation } from './adyen-call.observer.js';
import type { AdyenClientOptions } from './adyen-client.options.js';
import { exchange } from './adyen-exchange.js';

/** `ClientInterface` (the library's `src/httpClient/clientInterface.ts`), as `Client` takes it. */
type ClientInterface = Client['httpClient'];
type RequestOptions = Types.requestOptions.IRequest.Options;

/**
 * The fixed `API_BASEPATH`s of the library's services (@adyen/api-library 31: CheckoutAPI's
 * PaymentsApi, PaymentAPI's PaymentsApi) in its TEST environment, which the library leaves as
 * they are (docs/adyen-authentication.md#pointing-the-library-at-a-simulator).
 */
export const LIBRARY_CHECKOUT_API = 'https://checkout-test.adyen.com/v71';
export const LIBRARY_PAYMENT_API = 'https://pal-test.adyen.com/pal/servlet/Payment/v68';

interface LibraryCall {
  readonly operation: AdyenOperation;
  /** Where the call goes instead: the configured base and the library's path under it. */
  readonly url: (options: AdyenClientOptions) => string;
  readonly write: boolean;
}

/** The only library calls this client makes, by the library's URL; any other is never sent. */
const LIBRARY_CALLS: ReadonlyMap<string, LibraryCall> = new Map<string, LibraryCall>([
  [
    `${LIBRARY_CHECKOUT_API}/payments`,
    {
      operation: 'create payment',
      url: (options) => under(options.apiUrl, '/payments'),
      write: true,
    },
  ],
  [
    `${LIBRARY_CHECKOUT_API}/payments/details`,
    {
      operation: 'payment details',
      url: (options) => under(options.apiUrl, '/payments/details'),
      write: true,
    },
  ],
  [
    `${LIBRARY_PAYMENT_API}/retrieve3ds2Result`,
    {
      operation: 'retrieve result',
      url: (options) => under(options.paymentApiUrl, '/retrieve3ds2Result'),
      write: false,
    },
  ],
]);

/**
 * The library's transport (docs/adyen-adapter.md#6-transport): its fixed base replaced by the
 * configured one (ADYEN_API_URL, ADYEN_PAYMENT_API_URL), `X-API-Key`, `Idempotency-Key` from
 * `requestOptions.idempotencyKey`, and the caller's deadline from `requestOptions.signal`. Our
 * Upstream* errors are thrown from here: the library's services await the transport without
 * catching (`getJsonResponse`), so they reach the caller as they are.
 */
export class AdyenLibraryTransport implements ClientInterface {
  constructor(private readonly options: AdyenClientOptions) {}

  async request(
    endpoint: string,
    json: string,
    _config: unknown,
    _isApiKeyRequired: boolean,
    requestOptions: RequestOptions = {},
  ): Promise<string> {
    const call = LIBRARY_CALLS.get(endpoint);
    if (!call) throw new Error(`Not an Adyen call this client makes: ${endpoint}`);
    if (!requestOptions.signal) throw new Error(`Adyen ${call.operation} without a deadline`);
    const answer = await exchange({
      operation: call.operation,
      url: call.url(this.options),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-api-key': this.options.apiKey,
        ...(requestOptions.idempotencyKey
          ? { 'idempotency-key': requestOptions.idempotencyKey }
          : {}),
      },
      body: json,
      deadline: requestOptions.signal,
      write: call.write,
      observer: this.options.observer,
    });
    return answer.text;
  }
}

/** `path` under a configured base URL, whether or not the base ends in a slash. */
export const under = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path}`;
