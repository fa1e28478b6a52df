import { FINAL_STATES, type ClaimedPayment, type ReleaseReason } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RowStatement } from './authentication.statements.js';
import { ResultClaimEntity } from './entities/result-claim.entity.js';
import type { TeamEventDraft } from './team-event.repository.js';

export interface NewClaim {
  /** `clm_…` */
  readonly id: string;
  readonly authenticationId: string;
  readonly teamId: string;
  readonly payment: ClaimedPayment;
  /** How long after the result a payment may claim it, judged by the database's clock. */
  readonly validityMs: number;
  readonly teamEvent?: TeamEventDraft;
}

/** What a claim's INSERT did: made it, or why not (the active claim is read after its commit). */
export type ClaimWrite =
  | { readonly kind: 'created'; readonly claim: ResultClaimEntity }
  | { readonly kind: 'expired' }
  /** The authentication was stepped up (docs/step-up.md): its step-up's result is the one to use. */
  | { readonly kind: 'stepped_up'; readonly steppedUpTo: string }
  | { readonly kind: 'held'; readonly claim: ResultClaimEntity }
  /** Another claim won, then was released before this one could read it: try again. */
  | { readonly kind: 'none' };

export type ReleaseWrite =
  | { readonly kind: 'released'; readonly claim: ResultClaimEntity }
  | { readonly kind: 'already_released'; readonly claim: ResultClaimEntity }
  | { readonly kind: 'not_found' };

/** The claim's own columns; `id` of a row is the authentication's, as RowStatement reads it. */
export const CLAIM_FIELDS = (t: string) =>
  `${t}.authentication_id AS id, ${t}.team_id, NULL::text AS state, ${t}.id AS claim_id,
   ${t}.payment_reference, ${t}.psp, ${t}.amount, ${t}.currency, ${t}.status,
   ${t}.release_reason, ${t}.created_at, ${t}.released_at`;

/** True while the authentication's result (its first move into a final state) is valid. */
const WITHIN_VALIDITY = (authentication: string, states: string, validityMs: string) =>
  `now() < (SELECT min(e.created_at) FROM authentication_events e
     WHERE e.authentication_id = ${authentication} AND e.to_state = ANY(${states}))
   + make_interval(secs => ${validityMs} / 1000.0)`;

/**
 * The claim ledger (docs/claims.md#ledger). A claim and its release are each one statement
 * that also writes the timeline row and the team event, so a claim is recorded with both or
 * not at all; the partial unique index lets one active claim per authentication win.
 */
@Injectable()
export class ResultClaimRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(claim: NewClaim): Promise<ClaimWrite> {
    const s = new RowStatement();
    const { payment } = claim;
    const authentication = s.param(claim.authenticationId, '::text');
    s.with(
      'target',
      // FOR SHARE waits for a step-up's transaction, which locks the row before it releases the
      // active claim; the condition is then checked again on the row the step-up left.
      `SELECT a.id, a.team_id FROM authentications a
       WHERE a.id = ${authentication} AND a.team_id = ${s.param(claim.teamId, '::text')}
         AND a.stepped_up_to IS NULL
         AND ${WITHIN_VALIDITY('a.id', s.param(FINAL_STATES, '::text[]'), s.param(claim.validityMs, '::float8'))}
       FOR SHARE OF a`,
    );
    s.with(
      'claim',
      `INSERT INTO result_claims AS c
         (id, authentication_id, team_id, payment_reference, psp, amount, currency, status)
       SELECT ${s.param(claim.id, '::text')}, target.id, target.team_id,
         ${s.param(payment.paymentReference, '::text')}, ${s.param(payment.psp, '::text')},
         ${s.param(payment.amount, '::bigint')}, ${s.param(payment.currency, '::text')}, 'active'
       FROM target
       ON CONFLICT DO NOTHING RETURNING *`,
    );
    s.row(`SELECT ${CLAIM_FIELDS('claim')} FROM claim`);
    s.timeline(
      {
        event: 'result_claimed',
        source: 'api',
        detail: {
          claim_id: claim.id,
          payment_reference: payment.paymentReference,
          psp: payment.psp,
          amount: payment.amount,
          currency: payment.currency,
        },
      },
      null,
    );
    s.followups({ teamEvent: claim.teamEvent });
    const [created] = await this.dataSource.query<Record<string, unknown>[]>(s.sql(), s.values);
    if (created) return { kind: 'created', claim: claimOf(created) };
    return this.whyNotClaimed(claim);
  }

  /** Read after the INSERT's commit: it sees a claim a concurrent statement committed. */
  private async whyNotClaimed(claim: NewClaim): Promise<ClaimWrite> {
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT coalesce(${WITHIN_VALIDITY('$1', '$2::text[]', '$3::float8')}, false) AS valid,
         (SELECT a.stepped_up_to FROM authentications a WHERE a.id = $1) AS stepped_up_to,
         held.* FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT ${CLAIM_FIELDS('c')} FROM result_claims c
         WHERE c.authentication_id = $1 AND c.status = 'active') held ON true`,
      [claim.authenticationId, FINAL_STATES, claim.validityMs],
    );
    const steppedUpTo = row?.stepped_up_to as string | null | undefined;
    if (steppedUpTo) return { kind: 'stepped_up', steppedUpTo };
    if (!row?.valid) return { kind: 'expired' };
    return row.claim_id ? { kind: 'held', claim: claimOf(row) } : { kind: 'none' };
  }

  async release(
    authenticationId: string,
    claimId: string,
    reason: ReleaseReason,
    teamEvent?: TeamEventDraft,
  ): Promise<ReleaseWrite> {
    const s = new RowStatement();
    s.row(
      `UPDATE result_claims c SET status = 'released',
         release_reason = ${s.param(reason, '::text')}, released_at = now()
       WHERE c.id = ${s.param(claimId, '::text')}
         AND c.authentication_id = ${s.param(authenticationId, '::text')} AND c.status = 'active'
       RETURNING ${CLAIM_FIELDS('c')}`,
    );
    s.timeline(
      { event: 'claim_released', source: 'api', detail: { claim_id: claimId, reason } },
      null,
    );
    s.followups({ teamEvent });
    const [released] = await this.dataSource.query<Record<string, unknown>[]>(s.sql(), s.values);
    if (released) return { kind: 'released', claim: claimOf(released) };
    const claim = await this.findOne(authenticationId, claimId);
    return claim ? { kind: 'already_released', claim } : { kind: 'not_found' };
  }

  findOne(authenticationId: string, claimId: string): Promise<ResultClaimEntity | null> {
    return this.dataSource
      .getRepository(ResultClaimEntity)
      .findOneBy({ id: claimId, authenticationId });
  }

  findActive(authenticationId: string): Promise<ResultClaimEntity | null> {
    return this.dataSource
      .getRepository(ResultClaimEntity)
      .findOneBy({ authenticationId, status: 'active' });
  }

  /** Oldest first. */
  listFor(authenticationId: string): Promise<ResultClaimEntity[]> {
    return this.dataSource
      .getRepository(ResultClaimEntity)
      .find({ where: { authenticationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}

/** A raw row (CLAIM_FIELDS) read back as the entity reads it. */
export function claimOf(row: Record<string, unknown>): ResultClaimEntity {
  return Object.assign(new ResultClaimEntity(), {
    id: row.claim_id,
    authenticationId: row.id,
    teamId: row.team_id,
    paymentReference: row.payment_reference,
    psp: row.psp,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    releaseReason: row.release_reason,
    createdAt: row.created_at,
    releasedAt: row.released_at,
  });
}
