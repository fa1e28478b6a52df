import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';

/**
 * Idempotency keys, by the hash of the key: claimed by the insert of the authentication they
 * create (only one concurrent request can win it, see AuthenticationRepository.insert), answered,
 * settled or released here.
 */
@Injectable()
export class IdempotencyKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(teamId: string, keyHash: string): Promise<IdempotencyKeyEntity | null> {
    return this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ teamId, keyHash });
  }

  async complete(teamId: string, keyHash: string, status: number, body: object): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .update(
        { teamId, keyHash },
        { state: 'completed', responseStatus: status, responseText: JSON.stringify(body) },
      );
  }

  /**
   * Fixes the answer of a key whose first request never stored one (it died, or Checkout's
   * outcome was unknown): later retries replay this one.
   */
  async settle(teamId: string, keyHash: string, status: number, body: object): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_text = $4,
         response_body = NULL, updated_at = now()
       WHERE team_id = $1 AND key_hash = $2 AND (state = 'in_progress' OR response_status = 504)`,
      [teamId, keyHash, status, JSON.stringify(body)],
    );
  }

  /**
   * Frees a key whose request left nothing to replay, so the client may retry with it. A key
   * linked to an authentication is kept unless `evenIfLinked` (that authentication was closed
   * before Checkout took anything on).
   */
  async release(teamId: string, keyHash: string, { evenIfLinked }: { evenIfLinked: boolean }) {
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({
      teamId,
      keyHash,
      state: 'in_progress',
      ...(evenIfLinked ? {} : { authenticationId: IsNull() }),
    });
  }
}
