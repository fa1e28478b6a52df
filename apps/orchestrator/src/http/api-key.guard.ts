import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';

export type TeamRequest = FastifyRequest & { team?: string };

/** `Authorization: Bearer <team API key>` → the calling team, which scopes every read. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(securityConfig.KEY) private readonly config: SecurityConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<TeamRequest>();
    const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const team = presented ? this.teamFor(presented) : undefined;
    if (!team) throw new UnauthorizedException('A valid API key is required');
    request.team = team;
    return true;
  }

  private teamFor(presented: string): string | undefined {
    for (const [key, team] of this.config.apiKeys) {
      const a = Buffer.from(presented);
      const b = Buffer.from(key);
      if (a.length === b.length && timingSafeEqual(a, b)) return team;
    }
    return undefined;
  }
}
