import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A team's API key, kept only as the SHA-256 of the key (the key has 160+ random bits, so a
 * plain hash is enough) and a short prefix to recognise it by. Revoked keys stay, for the record.
 */
@Entity({ name: 'api_keys' })
@Index('UQ_api_keys_hash', ['hash'], { unique: true })
@Index('IDX_api_keys_team', ['teamId'])
export class ApiKeyEntity {
  /** `key_…` */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_api_keys' })
  id: string;

  @Column({ type: 'text' })
  teamId: string;

  /** The key's first characters, shown in listings and logs to tell keys apart. */
  @Column({ type: 'text' })
  prefix: string;

  /** Hex SHA-256 of the whole key. */
  @Column({ type: 'text' })
  hash: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
