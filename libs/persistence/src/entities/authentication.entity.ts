import type {
  AuthenticationResultFields,
  AuthenticationState,
  DataQuality,
  ExemptionDecision,
  RoutingRecord,
  HostedReturnUrls,
  NextAction,
  Outcome,
} from '@app/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * One 3-D Secure authentication (our `auth_…` resource). Holds no PAN (BIN, last 4 and a keyed
 * hash only) and the cryptogram only encrypted. Column types are always explicit: the TypeORM
 * CLI loads entities without decorator metadata.
 */
@Entity({ name: 'authentications' })
@Check(
  'CHK_authentications_state',
  `"state" IN ('created', 'creation_unknown', 'awaiting_issuer_fingerprint', 'awaiting_channel_data', 'challenge_required', 'result_ready', 'completed', 'closed')`,
)
@Check(
  'CHK_authentications_outcome',
  `"outcome" IN ('authenticated', 'attempted', 'informational', 'not_authenticated', 'rejected', 'unavailable', 'abandoned', 'expired', 'error')`,
)
// One authentication per provider session.
@Index('UQ_authentications_provider_session', ['provider', 'providerSessionId'], {
  unique: true,
  where: '"provider_session_id" IS NOT NULL',
})
@Index('IDX_authentications_team_reference', ['teamId', 'reference'])
// One step-up per original: of two concurrent step-ups, the database lets one in.
@Index('UQ_authentications_stepped_up_from', ['steppedUpFrom'], {
  unique: true,
  where: '"stepped_up_from" IS NOT NULL',
})
// A team's window of authentications (the outcome analytics, the list).
@Index('IDX_authentications_team_created', ['teamId', 'createdAt'])
// A provider event for a session we never heard of is matched to its creation by reference.
// The follow-ups due, claimed in batches (AuthenticationJobs.claimDue): only rows that wait.
@Index('IDX_authentications_due', ['dueAt'], { where: '"due_at" IS NOT NULL' })
@Index('IDX_authentications_unlinked_reference', ['reference'], {
  where: '"provider_session_id" IS NULL',
})
export class AuthenticationEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_authentications' })
  id: string;

  @Column({ type: 'text' })
  teamId: string;

  @Column({ type: 'text' })
  state: AuthenticationState;

  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  /** Compare-and-set guard: every transition increments it. */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ type: 'text' })
  reference: string;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  amount: number | null;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  channel: 'browser' | 'app' | 'merchant_initiated';

  @Column({ type: 'text' })
  sourceType: string;

  @Column({ type: 'text', nullable: true })
  cardBin: string | null;

  @Column({ type: 'text', nullable: true })
  cardLast4: string | null;

  /** HMAC-SHA256 of the PAN under a server key: finds repeats without storing the PAN. */
  @Column({ type: 'text', nullable: true })
  cardFingerprint: string | null;

  @Column({ type: 'text', nullable: true })
  scheme: string | null;

  /** The provider that runs the session (`checkout`): the name the port's adapter goes by. */
  @Column({ type: 'text' })
  provider: string;

  /** That provider's id of the session (Checkout's `sid_…`); null until it answered the create. */
  @Column({ type: 'text', nullable: true })
  providerSessionId: string | null;

  /** Hosted (the provider's page runs the flow): the team's return pages; null when non-hosted. */
  @Column({ type: 'jsonb', nullable: true })
  hosted: HostedReturnUrls | null;

  /** How much of the data issuers decide on the create carried; null on rows from before. */
  @Column({ type: 'jsonb', nullable: true })
  dataQuality: DataQuality | null;

  /** How the `challenge_indicator` sent was chosen (the request, a team's policy); null before. */
  @Column({ type: 'jsonb', nullable: true })
  exemptionDecision: ExemptionDecision | null;

  /** How its provider was chosen (the team's routing rule, or THREEDS_PROVIDER); null before. */
  @Column({ type: 'jsonb', nullable: true })
  routingDecision: RoutingRecord | null;

  /** The authentication this one stepped up after a soft decline (docs/step-up.md). */
  @Column({ type: 'text', nullable: true })
  steppedUpFrom: string | null;

  /** The step-up of this one, written with the step-up's insert. */
  @Column({ type: 'text', nullable: true })
  steppedUpTo: string | null;

  /** SHA-256 of the per-authentication token in our callback_url, or in our hosted return URLs. */
  @Column({ type: 'text' })
  callbackTokenHash: string;

  /** What the caller must do next (3DS Method, challenge, redirect), as the API shows it. */
  @Column({ type: 'jsonb', nullable: true })
  nextAction: NextAction | null;

  /** The provider's raw result fields (response_code, eci, xid, ds ids, …), never the cryptogram. */
  @Column({ type: 'jsonb', nullable: true })
  result: AuthenticationResultFields | null;

  /** AES-256-GCM ciphertext of the cryptogram (CAVV/AAV). */
  @Column({ type: 'text', nullable: true })
  cryptogramCiphertext: string | null;

  /**
   * AES-256-GCM ciphertext of what the provider's adapter keeps between calls (ProviderState):
   * a provider without a read of a pending session hands back tokens that act as bearers.
   */
  @Column({ type: 'text', nullable: true })
  providerStateCiphertext: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  /**
   * The last re-read an outside input (a browser, the provider) claimed: re-reads they trigger
   * are at most one per cooldown, so anonymous posts cannot buy provider calls.
   */
  @Column({ type: 'timestamptz', nullable: true })
  providerReadAt: Date | null;

  /** Re-reads browser and app notifications have caused so far: they get REREAD_BUDGET, ever. */
  @Column({ type: 'integer', default: 0 })
  notificationRereads: number;

  /** While set and in the future, one request is updating the provider session; others wait. */
  @Column({ type: 'timestamptz', nullable: true })
  providerCallUntil: Date | null;

  /** Who holds that claim: only the holder releases it. */
  @Column({ type: 'text', nullable: true })
  providerCallToken: string | null;

  /**
   * When its own follow-up is due (a deadline's re-read, or `complete` for a process that died),
   * set by the move that implies it; while a process runs it, the end of that process's lease.
   * Never read with the row (`select: false`): only the follow-ups' own statements use these.
   */
  @Column({ type: 'timestamptz', nullable: true, select: false })
  dueAt?: Date | null;

  /** The task that runs then (a job task's name: `recheck_authentication`, …). */
  @Column({ type: 'text', nullable: true, select: false })
  dueTask?: string | null;

  /** What that task is handed (as a job's payload). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  duePayload?: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
