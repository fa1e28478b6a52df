import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';

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
      const existing = await this.dataSource
        .getRepository(IdempotencyKeyEntity)
        .findOneBy({ teamId, key });
      if (existing) return { claimed: false, existing };
    }
  }

  async complete(teamId: string, key: string, status: number, body: object): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .update({ teamId, key }, { state: 'completed', responseStatus: status, responseBody: body });
  }

  /** Frees a key whose request left nothing to replay, so the client may retry with it. */
  async release(teamId: string, key: string): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .delete({ teamId, key, state: 'in_progress' });
  }
}
