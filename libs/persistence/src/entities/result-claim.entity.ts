import type { ClaimPsp, ClaimStatus, ReleaseReason } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One payment's claim on an authentication's result (docs/claims.md). Holds references only:
 * never the formatted result or the cryptogram (that stays encrypted on the authentication).
 */
@Entity({ name: 'result_claims' })
@Check('CHK_result_claims_status', `"status" IN ('active', 'released')`)
@Check('CHK_result_claims_psp', `"psp" IN ('generic', 'checkout', 'stripe', 'adyen')`)
@Check(
  'CHK_result_claims_release',
  `("status" = 'released') = ("released_at" IS NOT NULL AND "release_reason" IS NOT NULL)`,
)
@Check('CHK_result_claims_amount', `"amount" >= 0`)
// One active claim per authentication: the database settles concurrent claims.
@Index('UQ_result_claims_active', ['authenticationId'], {
  unique: true,
  where: `"status" = 'active'`,
})
@Index('IDX_result_claims_authentication', ['authenticationId', 'createdAt'])
export class ResultClaimEntity {
  /** `clm_…` */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_result_claims' })
  id: string;

  @Column({ type: 'text' })
  authenticationId: string;

  @Column({ type: 'text' })
  teamId: string;

  /** The team's reference of the payment that uses the result. */
  @Column({ type: 'text' })
  paymentReference: string;

  @Column({ type: 'text' })
  psp: ClaimPsp;

  /** Minor units. */
  @Column({
    type: 'bigint',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  amount: number;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  status: ClaimStatus;

  @Column({ type: 'text', nullable: true })
  releaseReason: ReleaseReason | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;
}
