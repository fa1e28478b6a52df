import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiKeyCache } from '../security/api-key-cache.js';
import { hashApiKey } from '../security/api-keys.js';
import { ValidatedKeys } from './validated-keys.js';

export type TeamRequest = FastifyRequest & { team?: string };

/** The bearer key of a request, if it carries one of a sane length. */
export const presentedKey = (request: FastifyRequest): string | undefined =>
  /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];

/**
 * `Authorization: Bearer <team API key>` → the calling team, which scopes every read. Keys are
 * looked up by hash (nothing secret is compared, so nothing leaks through timing), and a
 * revoked key is refused from the next request on (ApiKeyCache hears of it through NOTIFY).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeyCache) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TeamRequest>();
    const presented = presentedKey(request);
    const hash = presented ? hashApiKey(presented) : undefined;
    const team = hash ? await this.keys.teamOf(hash) : undefined;
    if (!team || !hash) throw new UnauthorizedException('A valid API key is required');
    ValidatedKeys.shared.add(hash);
    request.team = team;
    return true;
  }
}
