import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key's answer is kept as the text that went out (`response_text`), so a replay
 * is byte for byte the first answer: jsonb keeps neither key order nor spacing. Answers kept
 * before stay in `response_body` and are still replayed from it; a revert moves the text back.
 */
export class ReplayBytes1796520000000 implements MigrationInterface {
  name = 'ReplayBytes1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD "response_text" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "idempotency_keys" SET "response_body" = "response_text"::jsonb
       WHERE "response_text" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "response_text"`);
  }
}
