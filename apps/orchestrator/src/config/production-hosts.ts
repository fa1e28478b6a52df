import ipaddr from 'ipaddr.js';
import { isPublicAddress } from './public-address.js';

/**
 * Why `hostname` (a URL's, as the WHATWG parser leaves it: `127.0.0.1` for `2130706433` or
 * `0x7f.1`, brackets around IPv6) cannot be reached from the internet, or undefined. Literal
 * addresses are judged by the allow-list team endpoints are held to (isPublicAddress), and
 * `localhost` names (RFC 6761) never pass. Other names pass: start-up resolves nothing.
 */
export function nonPublicHostReason(hostname: string): string | undefined {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a localhost name';
  if (!ipaddr.isValid(host) || isPublicAddress(host)) return undefined;
  const range = ipaddr.parse(host).range();
  return range === 'unicast' ? 'not a public address' : `a ${range} address`;
}

/**
 * Checkout's own hosts (docs/checkout-sessions.md#environments): `api` and `access`, live or
 * `sandbox`, also behind an account's prefix (`{prefix}.api.checkout.com`; Checkout's SDKs
 * accept a prefix of lower-case letters and digits, optionally after `pl-`).
 */
const CHECKOUT_HOST = /^(?:(?:pl-)?[a-z0-9]+\.)?(api|access)(\.sandbox)?\.checkout\.com$/;

export interface CheckoutHost {
  /** `api`: the Sessions API; `access`: the OAuth token endpoint. */
  readonly service: 'api' | 'access';
  readonly sandbox: boolean;
}

/** What Checkout host `url` names, or undefined when it is not one of Checkout's. */
export function checkoutHostOf(url: URL): CheckoutHost | undefined {
  const match = CHECKOUT_HOST.exec(url.hostname);
  if (!match) return undefined;
  return { service: match[1] as CheckoutHost['service'], sandbox: match[2] !== undefined };
}

/**
 * Adyen's own hosts (docs/adyen-authentication.md#environments): each service's `-test` host on
 * adyen.com, and live behind the account's prefix on adyenpayments.com; checkoutshopper's live
 * host on adyen.com, with a region suffix (`-us`, `-au` …: **unconfirmed**).
 */
const ADYEN_HOSTS: ReadonlyArray<[RegExp, boolean]> = [
  [/^(checkout|pal|checkoutshopper)-test\.adyen\.com$/, true],
  [/^[a-z0-9]+(?:-[a-z0-9]+)*-(checkout|pal)-live\.adyenpayments\.com$/, false],
  [/^(checkoutshopper)-live(?:-[a-z]+)?\.adyen\.com$/, false],
];

export interface AdyenHost {
  /** `checkout`: the Checkout API; `pal`: the Payment API; `checkoutshopper`: the fingerprint. */
  readonly service: 'checkout' | 'pal' | 'checkoutshopper';
  readonly test: boolean;
}

/** What Adyen host `url` names, or undefined when it is not one of Adyen's. */
export function adyenHostOf(url: URL): AdyenHost | undefined {
  for (const [pattern, test] of ADYEN_HOSTS) {
    const match = pattern.exec(url.hostname);
    if (match) return { service: match[1] as AdyenHost['service'], test };
  }
  return undefined;
}
