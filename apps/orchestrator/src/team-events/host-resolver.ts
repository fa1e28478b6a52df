import { Injectable } from '@nestjs/common';
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';

export type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Host names to addresses through the system resolver (getaddrinfo, as a socket's connect does).
 * The one place both registration and delivery resolve a team's endpoint, so the same check
 * judges what each would connect to; the true edge a test may answer for DNS.
 */
@Injectable()
export class HostResolver {
  /** `net`'s lookup contract (`options.all` asks for every address). */
  lookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
    lookup(hostname, options, callback);
  }

  /** Every address `hostname` resolves to, in the resolver's order. */
  all(hostname: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.lookup(hostname, { all: true, order: 'verbatim' }, (error, addresses) =>
        error
          ? reject(error)
          : resolve((addresses as LookupAddress[]).map((entry) => entry.address)),
      );
    });
  }
}
