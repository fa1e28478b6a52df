import { EndpointUrlNotAllowedError } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { eventsConfig, type EventsConfig } from '../config/events.config.js';

const MAX_URL_LENGTH = 2_048;

/**
 * Where a team may ask us to send events: https, to public addresses only, checked on every
 * address the name resolves to (no SSRF into our own network: loopback, private, link-local,
 * metadata services). The sender checks the connected address again, against DNS rebinding.
 * TEAM_EVENTS_ALLOW_PRIVATE_TARGETS lifts both rules, for development.
 */
@Injectable()
export class EndpointUrlPolicy {
  constructor(@Inject(eventsConfig.KEY) private readonly config: EventsConfig) {}

  async check(raw: string): Promise<URL> {
    const url = parse(raw);
    const allowPrivate = this.config.teamDelivery.allowPrivateTargets;
    if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
      throw new EndpointUrlNotAllowedError('the URL must use https');
    }
    if (url.username || url.password) {
      throw new EndpointUrlNotAllowedError('credentials in the URL are not allowed');
    }
    if (!allowPrivate) await assertPublic(url.hostname.replace(/^\[|\]$/g, ''));
    return url;
  }
}

function parse(raw: string): URL {
  if (raw.length > MAX_URL_LENGTH) throw new EndpointUrlNotAllowedError('the URL is too long');
  try {
    return new URL(raw);
  } catch {
    throw new EndpointUrlNotAllowedError('not an absolute URL');
  }
}

async function assertPublic(host: string): Promise<void> {
  const addresses = ipaddr.isValid(host)
    ? [host]
    : await lookup(host, { all: true, verbatim: true })
        .then((found) => found.map((entry) => entry.address))
        .catch(() => {
          throw new EndpointUrlNotAllowedError('the host name does not resolve');
        });
  for (const address of addresses) {
    const parsed = ipaddr.process(address); // ::ffff:127.0.0.1 is judged as 127.0.0.1
    if (parsed.range() !== 'unicast') {
      throw new EndpointUrlNotAllowedError(`the host resolves to a ${parsed.range()} address`);
    }
  }
}
