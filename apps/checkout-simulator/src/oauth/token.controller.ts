import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { AccessTokenService, type SessionScope } from './access-token.service.js';

interface TokenRequest {
  grant_type?: string;
  client_id?: string;
  client_secret?: string;
  scope?: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) as Checkout runs it: form body, client
 * credentials in the body or HTTP Basic, errors as `400 {"error": …}` (RFC 6749 §5.2).
 */
@Controller('connect')
export class TokenController {
  constructor(
    private readonly tokens: AccessTokenService,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  @Post('token')
  @HttpCode(200)
  async token(
    @Body() body: TokenRequest | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.header('cache-control', 'no-store');
    const form = body ?? {};
    const [clientId, clientSecret] = basicCredentials(authorization) ?? [
      form.client_id,
      form.client_secret,
    ];
    if (form.grant_type === undefined) return this.fail(reply, 'invalid_request');
    if (form.grant_type !== 'client_credentials') return this.fail(reply, 'unsupported_grant_type');
    if (!this.isKnownClient(clientId, clientSecret)) return this.fail(reply, 'invalid_client');
    // Granted: what was asked for, if the client may have all of it (RFC 6749 §3.3); asking
    // for nothing gets the client's scopes (docs/checkout-sessions.md#scopes).
    const allowed = this.config.clientScopes;
    const requested = (form.scope ?? allowed.join(' ')).split(' ').filter(Boolean);
    if (
      requested.length === 0 ||
      requested.some((scope) => !allowed.includes(scope as SessionScope))
    ) {
      return this.fail(reply, 'invalid_scope');
    }
    return this.tokens.issue(clientId!, [...new Set(requested)] as SessionScope[]);
  }

  private isKnownClient(id: string | undefined, secret: string | undefined): boolean {
    return sameText(id, this.config.clientId) && sameText(secret, this.config.clientSecret);
  }

  private fail(reply: FastifyReply, error: string): { error: string } {
    void reply.status(400);
    return { error };
  }
}

function basicCredentials(authorization: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function sameText(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
