import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';

/**
 * Short claims on one authentication, each a single conditional UPDATE (so they hold across
 * instances without keeping a connection or a lock open while Checkout answers).
 */
@Injectable()
export class AuthenticationClaims {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One request at a time updates the Checkout session. The claim expires after `holdMs` (its
   * holder may have died) and names its holder: returns the token to release it with, if taken.
   */
  async claimCheckoutCall(id: string, holdMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const taken = await this.claimed(
      `UPDATE authentications SET checkout_call_until = now() + make_interval(secs => $2 / 1000.0),
         checkout_call_token = $3
       WHERE id = $1 AND (checkout_call_until IS NULL OR checkout_call_until < now())
       RETURNING id`,
      [id, holdMs, token],
    );
    return taken ? token : undefined;
  }

  /** Releases the claim only if this holder still has it (not one that expired and was retaken). */
  async releaseCheckoutCall(id: string, token: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE authentications SET checkout_call_until = NULL, checkout_call_token = NULL
       WHERE id = $1 AND checkout_call_token = $2`,
      [id, token],
    );
  }

  /** At most one re-read per `cooldownMs` for what browsers and callbacks trigger. */
  async claimRead(id: string, cooldownMs: number): Promise<boolean> {
    return this.claimed(
      `UPDATE authentications SET checkout_read_at = now()
       WHERE id = $1 AND (checkout_read_at IS NULL
                          OR checkout_read_at < now() - make_interval(secs => $2 / 1000.0))
       RETURNING id`,
      [id, cooldownMs],
    );
  }

  private async claimed(sql: string, values: unknown[]): Promise<boolean> {
    // A CTE-less UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [rows] = await this.dataSource.query<[unknown[], number]>(sql, values);
    return rows.length === 1;
  }
}
