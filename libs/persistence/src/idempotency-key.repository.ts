import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';

/** Far longer than a create can take (Checkout deadlines are seconds). */
const ABANDONED_AFTER_SECONDS = 120;

export type KeyClaim =
  { readonly claimed: true } | { readonly claimed: false; readonly existing: IdempotencyKeyEntity };

/** Idempotency keys: claimed by an insert that only one concurrent request can win. */
@Injectable()
export class IdempotencyKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(teamId: string, key: string, requestHash: string): Promise<KeyClaim> {
    // A released key can vanish between the refused insert and the read: then insert again.
    for (;;) {
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (team_id, key, request_hash, state)
         VALUES ($1, $2, $3, 'in_progress') ON CONFLICT DO NOTHING RETURNING key`,
        [teamId, key, requestHash],
      );
      if (inserted.length === 1) return { claimed: true };
      if (await this.takeOverAbandoned(teamId, key, requestHash)) return { claimed: true };
      const existing = await this.dataSource
        .getRepository(IdempotencyKeyEntity)
        .findOneBy({ teamId, key });
      if (existing) return { claimed: false, existing };
    }
  }

  /**
   * A key still `in_progress` long after any request could have finished belongs to a process that
   * died mid-request: the same request may claim it again rather than be refused forever. Only
   * while it points at no authentication: the insert links it, before Checkout is ever called,
   * so such a request created nothing anywhere. A linked key is resumed, never re-run.
   */
  private async takeOverAbandoned(
    teamId: string,
    key: string,
    requestHash: string,
  ): Promise<boolean> {
    const taken: unknown[] = await this.dataSource.query(
      // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE, plain rows for a SELECT.
      `WITH taken AS (
         UPDATE idempotency_keys SET updated_at = now()
         WHERE team_id = $1 AND key = $2 AND request_hash = $3 AND state = 'in_progress'
           AND authentication_id IS NULL AND updated_at < now() - make_interval(secs => $4)
         RETURNING key)
       SELECT key FROM taken`,
      [teamId, key, requestHash, ABANDONED_AFTER_SECONDS],
    );
    return taken.length === 1;
  }

  async complete(teamId: string, key: string, status: number, body: object): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .update({ teamId, key }, { state: 'completed', responseStatus: status, responseBody: body });
  }

  /**
   * Fixes the answer of a key whose first request never stored one (it died, or Checkout's
   * outcome was unknown): later retries replay this one.
   */
  async settle(teamId: string, key: string, status: number, body: object): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4,
         updated_at = now()
       WHERE team_id = $1 AND key = $2 AND (state = 'in_progress' OR response_status = 504)`,
      [teamId, key, status, body],
    );
  }

  /**
   * Frees a key whose request left nothing to replay, so the client may retry with it. A key
   * linked to an authentication is kept unless `evenIfLinked` (that authentication was closed
   * before Checkout took anything on).
   */
  async release(teamId: string, key: string, { evenIfLinked }: { evenIfLinked: boolean }) {
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({
      teamId,
      key,
      state: 'in_progress',
      ...(evenIfLinked ? {} : { authenticationId: IsNull() }),
    });
  }
}
