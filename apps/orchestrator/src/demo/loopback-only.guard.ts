import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

/**
 * The demo is a developer's page: its backend acts with a team's API key for whoever calls it,
 * so only this machine may (a browser on the developer's own screen). Anyone else sees no such
 * route. `request.ip` is the client as TRUSTED_PROXY_HOPS resolves it.
 */
@Injectable()
export class LoopbackOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { ip } = context.switchToHttp().getRequest<FastifyRequest>();
    if (ipaddr.isValid(ip) && ipaddr.process(ip).range() === 'loopback') return true;
    throw new NotFoundException();
  }
}
