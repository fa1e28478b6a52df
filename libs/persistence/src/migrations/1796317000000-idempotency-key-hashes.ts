import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Keys are kept only as their SHA-256 (hex): a key is whatever the caller wrote,
 * possibly card data (docs/design.md#idempotency). Keys stored before are hashed in place, the
 * way the app hashes a presented one, so retries of those requests still find them.
 */
export class IdempotencyKeyHashes1796317000000 implements MigrationInterface {
  name = 'IdempotencyKeyHashes1796317000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" RENAME COLUMN "key" TO "key_hash"`);
    await queryRunner.query(
      `UPDATE "idempotency_keys" SET "key_hash" = encode(sha256(convert_to("key_hash", 'UTF8')), 'hex')`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ADD CONSTRAINT "CHK_idempotency_keys_key_hash" CHECK ("key_hash" ~ '^[0-9a-f]{64}$')`,
    );
  }

  /** The column gets its old name back; the keys stay hashed (a hash cannot be undone). */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" DROP CONSTRAINT "CHK_idempotency_keys_key_hash"`,
    );
    await queryRunner.query(`ALTER TABLE "idempotency_keys" RENAME COLUMN "key_hash" TO "key"`);
  }
}
