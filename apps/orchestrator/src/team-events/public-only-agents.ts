import type { LookupOptions } from 'node:dns';
import { isIP, Socket, type TcpNetConnectOpts } from 'node:net';
import type { Duplex } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import type { HostResolver, LookupCallback } from './host-resolver.js';
import { isPublicAddress } from '../config/public-address.js';

/** A connection refused before it was attempted (`blocked_address` in the attempt log). */
export class BlockedAddressError extends Error {
  constructor(host: string) {
    super(`Connecting to ${host} is not allowed: not a public address`);
    this.name = 'BlockedAddressError';
  }
}

type ConnectionCallback = (error: Error | null, socket: Duplex) => void;

/**
 * request-filtering-agent's agents judge addresses by ipaddr.js's range names, which call
 * IPv4-compatible (`::127.0.0.1`) and other non-global IPv6 addresses "unicast". These agents
 * also ask isPublicAddress, the check registration uses: of the host itself when it is an
 * address (no lookup happens then), and of every address a name resolves to, between the
 * lookup and the connect, so a name that resolves elsewhere since registration gets nowhere.
 */
export function publicOnlyAgents(resolver: HostResolver) {
  const lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) =>
    resolver.lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = typeof address === 'string' ? [address] : address.map((a) => a.address);
      if (addresses.every(isPublicAddress)) return callback(null, address, family);
      callback(new BlockedAddressError(hostname), address, family);
    });
  const options = { keepAlive: true, lookup };
  return { http: new PublicOnlyHttpAgent(options), https: new PublicOnlyHttpsAgent(options) };
}

class PublicOnlyHttpAgent extends RequestFilteringHttpAgent {
  override createConnection(options: TcpNetConnectOpts, callback?: ConnectionCallback) {
    return refusedAddress(options, callback) ?? super.createConnection(options, callback);
  }
}

class PublicOnlyHttpsAgent extends RequestFilteringHttpsAgent {
  override createConnection(options: TcpNetConnectOpts, callback?: ConnectionCallback) {
    return refusedAddress(options, callback) ?? super.createConnection(options, callback);
  }
}

/** A destroyed socket when the host is an address that is not public (the agent's contract). */
function refusedAddress(
  { host }: TcpNetConnectOpts,
  callback?: ConnectionCallback,
): Socket | undefined {
  if (!host || !isIP(host) || isPublicAddress(host)) return undefined;
  const socket = new Socket();
  const error = new BlockedAddressError(host);
  if (callback) callback(error, socket);
  else socket.destroy(error);
  return socket;
}
