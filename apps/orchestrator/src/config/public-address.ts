import ipaddr from 'ipaddr.js';

/** IPv6 global unicast (RFC 4291 §2.4, RFC 3587): no public host lives outside it. */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * Whether a team endpoint may be reached at `address` (as a socket connects to it). An
 * allow-list, shared by registration and every connect:
 * - IPv4 outside every special-purpose range ipaddr.js knows (IANA's registry: 0/8, private,
 *   loopback, link-local, CGNAT, 192.0.0/24, documentation, benchmarking, multicast, 240/4,
 *   broadcast…);
 * - IPv6 only inside 2000::/3 and outside its special ranges (Teredo, 6to4, documentation,
 *   benchmarking, ORCHID…). Every form that carries an IPv4 address — mapped `::ffff:…`,
 *   compatible `::a.b.c.d`, NAT64 `64:ff9b::/96` and `64:ff9b:1::/48`, 6to4, Teredo — is
 *   refused whatever it embeds: a team names its endpoint by host name or by a plain address.
 * Anything that is not an address at all is not public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST);
}
