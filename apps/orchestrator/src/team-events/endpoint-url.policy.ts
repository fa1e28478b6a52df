import { EndpointUrlNotAllowedError } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { isIP } from 'node:net';
import { eventsConfig, type EventsConfig } from '../config/events.config.js';
import { HostResolver } from './host-resolver.js';
import { isPublicAddress } from '../config/public-address.js';

const MAX_URL_LENGTH = 2_048;

/**
 * Where a team may ask us to send events: https, to public addresses only, checked on every
 * address the name resolves to (no SSRF into our own network: loopback, private, link-local,
 * metadata services, and every IPv6 spelling of them). The sender checks the addresses it
 * connects to again with the same isPublicAddress, against DNS rebinding.
 * TEAM_EVENTS_ALLOW_PRIVATE_TARGETS lifts both rules, for development.
 */
@Injectable()
export class EndpointUrlPolicy {
  constructor(
    @Inject(eventsConfig.KEY) private readonly config: EventsConfig,
    private readonly resolver: HostResolver,
  ) {}

  async check(raw: string): Promise<URL> {
    const url = parse(raw);
    const allowPrivate = this.config.teamDelivery.allowPrivateTargets;
    if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
      throw new EndpointUrlNotAllowedError('the URL must use https');
    }
    if (url.username || url.password) {
      throw new EndpointUrlNotAllowedError('credentials in the URL are not allowed');
    }
    if (!allowPrivate) await this.assertPublic(url.hostname.replace(/^\[|\]$/g, ''));
    return url;
  }

  /** `host` as the URL parser normalised it: `0x7f.1`, `2130706433` are 127.0.0.1 by now. */
  private async assertPublic(host: string): Promise<void> {
    if (isIP(host)) {
      if (isPublicAddress(host)) return;
      throw new EndpointUrlNotAllowedError('the address is not a public one');
    }
    const addresses = await this.resolver.all(host).catch(() => {
      throw new EndpointUrlNotAllowedError('the host name does not resolve');
    });
    if (!addresses.every(isPublicAddress)) {
      throw new EndpointUrlNotAllowedError('the host resolves to an address that is not public');
    }
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
