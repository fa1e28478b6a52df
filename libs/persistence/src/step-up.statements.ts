import type { DataSource } from 'typeorm';
import { linkOriginal, poolOf, type RowStatement } from './authentication.statements.js';
import type { EventDetail } from './entities/authentication-event.entity.js';
import type { ResultClaimEntity } from './entities/result-claim.entity.js';
import { CLAIM_FIELDS, claimOf } from './result-claims.repository.js';
import type { TeamEventDraft } from './team-event.repository.js';

/** What a step-up's insert does to its original (docs/step-up.md#links-claims-and-events). */
export interface StepUpLink {
  readonly originalId: string;
  /** The original's timeline row naming its step-up. */
  readonly entry: { event: string; source: string; detail?: EventDetail };
  /** The team event of the original's active claim, released as `stepped_up`. */
  readonly releaseNotice?: (claim: ResultClaimEntity) => TeamEventDraft | undefined;
  /** Called once the transaction that released the original's active claim committed. */
  readonly released?: (claim: ResultClaimEntity) => void;
}

type Rows = Record<string, unknown>[];

/**
 * Runs a step-up's insert (`statement`, which writes `row`) in one transaction with its link to
 * the original and the release of the original's active claim, so a crash leaves both or
 * neither. The original's row is locked first: the insert's statement then sees every claim
 * committed before, and a claim made later waits for this transaction and, the original being
 * stepped up by then, is refused (docs/claims.md#ledger).
 */
export async function insertStepUp(
  dataSource: DataSource,
  statement: RowStatement,
  link: StepUpLink,
): Promise<Rows> {
  const client = await poolOf(dataSource).connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM authentications WHERE id = $1 FOR NO KEY UPDATE', [
      link.originalId,
    ]);
    const { rows: held } = await client.query<Record<string, unknown>>(
      `SELECT ${CLAIM_FIELDS('c')} FROM result_claims c
       WHERE c.authentication_id = $1 AND c.status = 'active'`,
      [link.originalId],
    );
    const active = held[0] ? claimOf(held[0]) : null;
    linkOriginal(statement, link.originalId, link.entry);
    if (active) releaseSteppedUp(statement, active, link.releaseNotice?.(active));
    const { rows } = await client.query<Record<string, unknown>>(statement.sql(), [
      ...statement.values,
    ]);
    await client.query('COMMIT');
    if (active && Number(rows[0]?.released_claim_n) > 0) link.released?.(active);
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * CTEs that release the original's active claim as `stepped_up` once the step-up's row is
 * written, with the timeline row and team event a team's release writes; nothing when the
 * team released it in between.
 */
function releaseSteppedUp(
  statement: RowStatement,
  claim: ResultClaimEntity,
  teamEvent: TeamEventDraft | undefined,
): void {
  const reason = 'stepped_up';
  statement.counted(
    'released_claim',
    `UPDATE result_claims c SET status = 'released',
       release_reason = ${statement.param(reason, '::text')}, released_at = now()
     FROM row
     WHERE c.id = ${statement.param(claim.id, '::text')} AND c.status = 'active'
     RETURNING c.authentication_id AS id, c.team_id, NULL::text AS state`,
  );
  statement.timeline(
    { event: 'claim_released', source: 'api', detail: { claim_id: claim.id, reason } },
    null,
    'released_claim',
  );
  if (teamEvent) statement.teamEvent(teamEvent, 'released_claim');
}
