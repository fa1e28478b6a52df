import {
  AuthenticationNotFoundError,
  isAuthorizableIn,
  isFinal,
  formatResult,
  InvalidRequestError,
  ResultNotAuthorizableError,
  ResultNotReadyError,
  ThreeDsProviders,
  type ResultFormat,
} from '@app/domain';
import {
  AuthenticationRepository,
  ResultClaimRepository,
  type AuthenticationEntity,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { isAuthenticationId } from '../http/id.pipe.js';
import { SecretBox } from '../security/secret-box.js';
import { authenticationView, eventView, resultOf } from './authentication.view.js';
import { claimReference, claimView } from './claim.view.js';
import type { ListAuthenticationsQueryDto } from './dto/list-authentications.query.dto.js';

type Json = Record<string, unknown>;

/** The internal API's reads: one authentication, a list, its timeline, its final result. */
@Injectable()
export class AuthenticationQueries {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly secrets: SecretBox,
    private readonly claims: ResultClaimRepository,
    private readonly providers: ThreeDsProviders,
  ) {}

  async get(team: string, id: string): Promise<Json> {
    return authenticationView(await this.owned(team, id));
  }

  /** Newest first; `next_cursor` continues where this page ended (keyset, stable under inserts). */
  async list(team: string, query: ListAuthenticationsQueryDto): Promise<Json> {
    const limit = query.limit ?? 20;
    const rows = await this.repository.listForTeam(team, {
      reference: query.reference,
      state: query.state,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(authenticationView),
      next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  async events(team: string, id: string): Promise<Json> {
    await this.owned(team, id);
    return { data: (await this.repository.listEvents(id)).map(eventView) };
  }

  /** The generic format also names the payment holding the result (docs/claims.md). */
  async result(team: string, id: string, format: ResultFormat): Promise<Json> {
    const authentication = await this.owned(team, id);
    const result = this.resultFor(authentication, format);
    if (format !== 'generic') return result;
    const claim = await this.claims.findActive(id);
    return claim ? { ...result, claim: claimReference(claim) } : result;
  }

  /** The final result in a format: what `GET …/result` and a claim hand to a gateway. */
  resultFor(authentication: AuthenticationEntity, format: ResultFormat): Json {
    const { id, outcome, state } = authentication;
    if (!outcome || !isFinal(state)) throw new ResultNotReadyError(id, state);
    const hasProviderSession = authentication.providerSessionId !== null;
    const providerCapabilities = this.providers.of(authentication.provider).capabilities;
    if (!isAuthorizableIn(format, { hasProviderSession, outcome, providerCapabilities })) {
      throw new ResultNotAuthorizableError(id, outcome);
    }
    const cryptogram = authentication.cryptogramCiphertext
      ? this.secrets.decrypt(authentication.cryptogramCiphertext)
      : undefined;
    return formatResult(resultOf(authentication, cryptogram), format);
  }

  async claimList(team: string, id: string): Promise<Json> {
    await this.owned(team, id);
    return { data: (await this.claims.listFor(id)).map(claimView) };
  }

  /** The team's authentication, or 404 (another team's looks exactly like a missing one). */
  async owned(team: string, id: string): Promise<AuthenticationEntity> {
    const authentication = await this.repository.findById(id);
    // Another team's authentication is indistinguishable from a missing one.
    if (!authentication || authentication.teamId !== team)
      throw new AuthenticationNotFoundError(id);
    return authentication;
  }
}

function encodeCursor(row: AuthenticationEntity): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !isAuthenticationId(id)) {
      throw new Error('bad cursor');
    }
    const date = new Date(createdAt);
    const year = date.getUTCFullYear();
    // PostgreSQL's timestamptz ends at year 294276; JavaScript's dates go further.
    if (!(year >= 2000 && year <= 9999)) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new InvalidRequestError('cursor', 'must be a next_cursor from this API');
  }
}
