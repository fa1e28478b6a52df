import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity.js';

export type NewApiKey = Omit<ApiKeyEntity, 'createdAt' | 'revokedAt'>;

/** NOTIFY channel of revocations (payload: the key's hash), for instances that cache keys. */
export const API_KEY_REVOKED_CHANNEL = 'api_key_revoked';

/** API keys by hash: created, listed, revoked; a revoked key stops working at once. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The team of a live key with this hash; one indexed lookup, no comparison of secrets. */
  async teamOf(hash: string): Promise<string | undefined> {
    const key = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOne({ where: { hash, revokedAt: IsNull() }, select: { teamId: true } });
    return key?.teamId;
  }

  async create(key: NewApiKey): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert(key);
  }

  /** Adds keys that are not there yet (by hash); a key once revoked stays revoked. */
  async seed(keys: readonly NewApiKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ApiKeyEntity)
      .values([...keys])
      .orIgnore()
      .execute();
  }

  list(teamId?: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({
      where: teamId ? { teamId } : {},
      order: { teamId: 'ASC', createdAt: 'ASC' },
    });
  }

  /** True when a live key with this id was revoked now; instances hear of it when it commits. */
  async revoke(id: string): Promise<boolean> {
    const revoked: unknown[] = await this.dataSource.query(
      `WITH revoked AS (
         UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
         RETURNING hash)
       SELECT pg_notify($2, hash) FROM revoked`,
      [id, API_KEY_REVOKED_CHANNEL],
    );
    return revoked.length === 1;
  }
}
