import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One `Idempotency-Key` of one team (IETF draft-ietf-httpapi-idempotency-key-header): the
 * request it was first used with, and the response to replay for the same request. The key
 * itself is never kept, only its hash.
 */
@Entity({ name: 'idempotency_keys' })
@Check('CHK_idempotency_keys_state', `"state" IN ('in_progress', 'completed')`)
@Check('CHK_idempotency_keys_key_hash', `"key_hash" ~ '^[0-9a-f]{64}$'`)
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' })
  teamId: string;

  /** SHA-256 of the key as presented, hex. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' })
  keyHash: string;

  /** SHA-256 of the raw request body: the same key with another body is refused. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'text' })
  state: 'in_progress' | 'completed';

  /** The authentication this key created: a retry resumes it instead of starting another. */
  @Column({ type: 'text', nullable: true })
  authenticationId: string | null;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  /** Answers kept before response_text existed (jsonb: keys in its own order). */
  @Column({ type: 'jsonb', nullable: true })
  responseBody: object | null;

  /** The answer's JSON as it went out: a replay sends these same bytes. */
  @Column({ type: 'text', nullable: true })
  responseText: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
