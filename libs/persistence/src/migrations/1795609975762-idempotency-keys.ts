import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key ledger for the internal API's POSTs. */
export class IdempotencyKeys1795609975762 implements MigrationInterface {
  name = 'IdempotencyKeys1795609975762';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("team_id" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "state" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_idempotency_keys_state" CHECK ("state" IN ('in_progress', 'completed')), CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("team_id", "key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
