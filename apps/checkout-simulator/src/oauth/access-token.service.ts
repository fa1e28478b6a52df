import { SimulatorClock } from '@app/simulator-kit';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';

export const SESSION_SCOPES = ['sessions:browser', 'sessions:app'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];

export interface IssuedToken {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/** Signs and checks the JWT access tokens of the simulated `/connect/token` (HS256, per-process key). */
@Injectable()
export class AccessTokenService {
  private readonly key = randomBytes(32);
  /** Tokens carry the generation they were issued in; revoking all bumps it. */
  private generation = 0;
  private issuedCount = 0;

  constructor(
    private readonly clock: SimulatorClock,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  get tokensIssued(): number {
    return this.issuedCount;
  }

  async issue(clientId: string, scopes: readonly SessionScope[]): Promise<IssuedToken> {
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    const ttl = this.config.tokenTtlSeconds;
    const token = await new SignJWT({
      scope: scopes.join(' '),
      client_id: clientId,
      gen: this.generation,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer('checkout-simulator')
      .setSubject(clientId)
      .setJti(randomUUID())
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + ttl)
      .sign(this.key);
    this.issuedCount++;
    return { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: scopes.join(' ') };
  }

  /** The token's scopes, or undefined when it is forged, expired (on the simulated clock) or revoked. */
  async verify(token: string): Promise<readonly SessionScope[] | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'checkout-simulator',
        currentDate: this.clock.nowDate(),
      });
      if (payload.gen !== this.generation) {
        return undefined;
      }
      const scope = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
      return SESSION_SCOPES.filter((known) => scope.includes(known));
    } catch {
      return undefined;
    }
  }

  /** Control API: every token issued so far stops working (a 401 on its next use). */
  revokeAll(): void {
    this.generation++;
  }

  reset(): void {
    this.issuedCount = 0;
    this.generation++;
  }
}
