import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';

/** The answer to a re-read claim: go ahead, or which limit held it back. */
export type ReadClaim = 'claimed' | 'cooling_down' | 'budget_spent';

/**
 * Short claims on one authentication, each a single conditional UPDATE (so they hold across
 * instances without keeping a connection or a lock open while a provider answers).
 */
@Injectable()
export class AuthenticationClaims {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One request at a time updates the provider session. The claim expires after `holdMs` (its
   * holder may have died) and names its holder: returns the token to release it with, if taken.
   */
  async claimProviderCall(id: string, holdMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const taken = await this.claimed(
      `UPDATE authentications SET provider_call_until = now() + make_interval(secs => $2 / 1000.0),
         provider_call_token = $3
       WHERE id = $1 AND (provider_call_until IS NULL OR provider_call_until < now())
       RETURNING id`,
      [id, holdMs, token],
    );
    return taken ? token : undefined;
  }

  /** Releases the claim only if this holder still has it (not one that expired and was retaken). */
  async releaseProviderCall(id: string, token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE authentications SET provider_call_until = NULL, provider_call_token = NULL
       WHERE id = $1 AND provider_call_token = $2`,
      [id, token],
    );
  }

  /**
   * A re-read for what browsers, apps and callbacks trigger: with a `cooldownMs`, at most one per
   * cooldown; with a `budget`, only while the re-reads already spent on the authentication are
   * fewer. The count moves in the same conditional UPDATE, re-checked by PostgreSQL on the row's
   * latest version, so concurrent claims never overspend. Without a claim, says which held it.
   */
  async claimRead(
    id: string,
    limits: { readonly cooldownMs?: number; readonly budget?: number },
  ): Promise<ReadClaim> {
    const rows: { claimed: number; budget_left: boolean }[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE authentications SET provider_read_at = now(),
           notification_rereads = notification_rereads + CASE WHEN $3::int IS NULL THEN 0 ELSE 1 END
         WHERE id = $1
           AND ($2::float8 IS NULL OR provider_read_at IS NULL
                OR provider_read_at <= now() - make_interval(secs => $2::float8 / 1000.0))
           AND ($3::int IS NULL OR notification_rereads < $3::int)
         RETURNING id)
       SELECT (SELECT count(*) FROM claimed)::int AS claimed,
              ($3::int IS NULL OR notification_rereads < $3::int) AS budget_left
       FROM authentications WHERE id = $1`,
      [id, limits.cooldownMs ?? null, limits.budget ?? null],
    );
    const found = rows[0];
    if (found?.claimed === 1) return 'claimed';
    return found?.budget_left === false ? 'budget_spent' : 'cooling_down';
  }

  private async claimed(sql: string, values: unknown[]): Promise<boolean> {
    // A CTE-less UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [rows] = await this.dataSource.query<[unknown[], number]>(sql, values);
    return rows.length === 1;
  }
}
