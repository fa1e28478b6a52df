import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { CheckoutError } from '../http/checkout-error.js';
import { AccessTokenService, type SessionScope } from '../oauth/access-token.service.js';
import type { SimulatedSession } from '../sessions/simulated-session.js';

/** Who is calling: an OAuth client with scopes, or the holder of one session's secret. */
export type Caller =
  | { readonly kind: 'oauth'; readonly scopes: readonly SessionScope[] }
  | { readonly kind: 'secret'; readonly secret: string };

/**
 * Reads the `Authorization` header as Checkout does (docs/checkout-sessions.md#session-secret):
 * `Bearer <JWT>` for OAuth, or the raw `sek_…` session secret with no prefix. Anything else is
 * a bodiless 401.
 */
@Injectable()
export class CallerResolver {
  constructor(private readonly tokens: AccessTokenService) {}

  async resolve(authorization: string | undefined): Promise<Caller> {
    const value = authorization?.trim() ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(value);
    if (bearer) {
      const scopes = await this.tokens.verify(bearer[1]);
      if (!scopes || scopes.length === 0) throw CheckoutError.unauthorized();
      return { kind: 'oauth', scopes };
    }
    if (/^sek_\S{44}$/.test(value)) {
      return { kind: 'secret', secret: value };
    }
    throw CheckoutError.unauthorized();
  }

  /** The caller may act on this session: a matching secret, or OAuth with the session's scope. */
  assertMayAccess(caller: Caller, session: SimulatedSession): void {
    if (caller.kind === 'secret') {
      if (!sameSecret(caller.secret, session.secret)) throw CheckoutError.unauthorized();
      return;
    }
    if (!caller.scopes.includes(session.scope)) {
      throw CheckoutError.notAllowed('operation_not_allowed_for_scope');
    }
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
