import ipaddr from 'ipaddr.js';

/**
 * Why `hostname` (a URL's, as the WHATWG parser leaves it: `127.0.0.1` for `2130706433` or
 * `0x7f.1`, brackets around IPv6) cannot be reached from the internet, or undefined. Literal
 * addresses are judged by range (loopback, private, link-local, unique local, carrier-grade
 * NAT, IPv4-mapped forms as their IPv4 …; only ordinary unicast passes), IPv4-compatible IPv6
 * (`::a.b.c.d`, deprecated) never passes, and `localhost` names (RFC 6761) never do. Other names
 * pass: start-up resolves nothing.
 */
export function nonPublicHostReason(hostname: string): string | undefined {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a localhost name';
  if (!ipaddr.isValid(host)) return undefined;
  const range = ipaddr.process(host).range();
  if (range !== 'unicast') return `a ${range} address`;
  const address = ipaddr.parse(host);
  const ipv4Compatible =
    address.kind() === 'ipv6' && (address as ipaddr.IPv6).parts.slice(0, 6).every((part) => !part);
  return ipv4Compatible ? 'an IPv4-compatible IPv6 address' : undefined;
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
