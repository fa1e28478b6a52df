import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys as data (hashed, revocable), and two claims on an authentication: the cooldown of
 * re-reads that browser and Checkout inputs trigger, and the one request updating the session.
 */
export class AbuseResistance1796186553601 implements MigrationInterface {
  name = 'AbuseResistance1796186553601';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" text NOT NULL, "team_id" text NOT NULL, "prefix" text NOT NULL, "hash" text NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_api_keys_team" ON "api_keys"  ("team_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_keys_hash" ON "api_keys"  ("hash") `);
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "checkout_read_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "checkout_call_until" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "authentications" ADD "checkout_call_token" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_authentication_events_input" ON "authentication_events" ("authentication_id", "event", ("detail"->>'input')) WHERE "detail" ? 'input'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_authentication_events_input"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "checkout_call_token"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "checkout_call_until"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "checkout_read_at"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
