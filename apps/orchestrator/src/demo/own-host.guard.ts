import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import type { ApiErrorCode } from '../http/error-catalogue.js';

/**
 * Against DNS rebinding: a page the developer's browser opens elsewhere can point its own name
 * at 127.0.0.1 and call the demo as if same-origin, past LoopbackOnlyGuard (the connection does
 * come from this machine). Its requests still name the attacker's host in `Host` (and
 * `Origin`), so the demo answers only requests addressed to it by its own name: the host of
 * BROWSER_BASE_URL, or a loopback name or address on the port that served the request.
 */
@Injectable()
export class OwnHostGuard implements CanActivate {
  private readonly own: URL;

  constructor(@Inject(securityConfig.KEY) security: SecurityConfig) {
    this.own = new URL(security.browserBaseUrl);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const servedPort = String(request.socket.localPort);
    const host = parsed(`${request.protocol}://${request.headers.host ?? ''}`);
    const origin = request.headers.origin;
    const hostIsOurs = !!host && (host.host === this.own.host || isLoopback(host, servedPort));
    const originIsOurs = origin === undefined || this.isOwnOrigin(parsed(origin), servedPort);
    if (hostIsOurs && originIsOurs) return true;
    throw new ForbiddenException({
      error: {
        code: 'HOST_NOT_ALLOWED' satisfies ApiErrorCode,
        message: 'The demo answers only requests addressed to this machine by its own name',
        details: {},
      },
    });
  }

  private isOwnOrigin(origin: URL | undefined, servedPort: string): boolean {
    if (!origin || !['http:', 'https:'].includes(origin.protocol)) return false;
    return origin.origin === this.own.origin || isLoopback(origin, servedPort);
  }
}

function parsed(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** `localhost` or a loopback address, on the port this request came in on. */
function isLoopback(url: URL, servedPort: string): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const name = url.hostname.replace(/^\[|\]$/g, '');
  const loopback =
    name === 'localhost' || (ipaddr.isValid(name) && ipaddr.process(name).range() === 'loopback');
  return loopback && port === servedPort;
}
