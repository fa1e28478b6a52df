import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider-neutral names: an authentication records which provider holds its session
 * (`provider`) and that provider's session id (`provider_session_id`, unique per provider), and
 * the provider events inbox is no longer Checkout's alone. Rows and their ids are kept; the rows
 * written so far were all Checkout's.
 */
export class ProviderNeutralNames1796400000000 implements MigrationInterface {
  name = 'ProviderNeutralNames1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_authentications_checkout_session_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_authentications_unlinked_reference"`);
    for (const [from, to] of RENAMED_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "authentications" RENAME COLUMN "${from}" TO "${to}"`);
    }
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "provider" text NOT NULL DEFAULT 'checkout'`,
    );
    await queryRunner.query(`ALTER TABLE "authentications" ALTER COLUMN "provider" DROP DEFAULT`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_authentications_provider_session" ON "authentications" ("provider", "provider_session_id") WHERE "provider_session_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_authentications_unlinked_reference" ON "authentications" ("reference") WHERE "provider_session_id" IS NULL`,
    );

    await queryRunner.query(`ALTER TABLE "checkout_webhook_events" RENAME TO "provider_events"`);
    await queryRunner.query(
      `ALTER TABLE "provider_events" RENAME COLUMN "checkout_session_id" TO "provider_session_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_events" ADD "provider" text NOT NULL DEFAULT 'checkout'`,
    );
    await queryRunner.query(`ALTER TABLE "provider_events" ALTER COLUMN "provider" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "provider_events" DROP CONSTRAINT "PK_checkout_webhook_events"`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_events" ADD CONSTRAINT "PK_provider_events" PRIMARY KEY ("provider", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provider_events" DROP CONSTRAINT "PK_provider_events"`);
    await queryRunner.query(`ALTER TABLE "provider_events" DROP COLUMN "provider"`);
    await queryRunner.query(
      `ALTER TABLE "provider_events" ADD CONSTRAINT "PK_checkout_webhook_events" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_events" RENAME COLUMN "provider_session_id" TO "checkout_session_id"`,
    );
    await queryRunner.query(`ALTER TABLE "provider_events" RENAME TO "checkout_webhook_events"`);

    await queryRunner.query(`DROP INDEX "public"."IDX_authentications_unlinked_reference"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_authentications_provider_session"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "provider"`);
    for (const [from, to] of RENAMED_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "authentications" RENAME COLUMN "${to}" TO "${from}"`);
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_authentications_unlinked_reference" ON "authentications" ("reference") WHERE "checkout_session_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_authentications_checkout_session_id" ON "authentications" ("checkout_session_id") WHERE "checkout_session_id" IS NOT NULL`,
    );
  }
}

const RENAMED_COLUMNS = [
  ['checkout_session_id', 'provider_session_id'],
  ['checkout_read_at', 'provider_read_at'],
  ['checkout_call_until', 'provider_call_until'],
  ['checkout_call_token', 'provider_call_token'],
] as const;
