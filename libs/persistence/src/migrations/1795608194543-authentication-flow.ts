import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The authentication state machine's columns and its append-only event timeline. */
export class AuthenticationFlow1795608194543 implements MigrationInterface {
  name = 'AuthenticationFlow1795608194543';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "authentication_events" ("id" BIGSERIAL NOT NULL, "authentication_id" text NOT NULL, "event" text NOT NULL, "from_state" text, "to_state" text, "source" text NOT NULL, "detail" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_authentication_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_authentication_events_authentication" ON "authentication_events"  ("authentication_id", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "authentications" ADD "team_id" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "outcome" text`);
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "version" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "authentications" ADD "reference" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "amount" bigint`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "currency" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "channel" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "source_type" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "card_bin" text`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "card_last4" text`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "card_fingerprint" text`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "scheme" text`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "checkout_session_id" text`);
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "callback_token_hash" text NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "authentications" ADD "next_action" jsonb`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "result" jsonb`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "cryptogram_ciphertext" text`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "failure_reason" text`);
    await queryRunner.query(
      `CREATE INDEX "IDX_authentications_team_reference" ON "authentications"  ("team_id", "reference") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_authentications_checkout_session_id" ON "authentications"  ("checkout_session_id") WHERE "checkout_session_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD CONSTRAINT "CHK_authentications_outcome" CHECK ("outcome" IN ('authenticated', 'attempted', 'informational', 'not_authenticated', 'rejected', 'unavailable', 'abandoned', 'expired', 'error'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD CONSTRAINT "CHK_authentications_state" CHECK ("state" IN ('created', 'creation_unknown', 'awaiting_issuer_fingerprint', 'awaiting_channel_data', 'challenge_required', 'result_ready', 'completed', 'closed'))`,
    );
    // The timeline is the audit trail: rows are only ever inserted (TRUNCATE in tests still works).
    await queryRunner.query(
      `CREATE FUNCTION "authentication_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'authentication_events is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_authentication_events_append_only" BEFORE UPDATE OR DELETE ON "authentication_events" FOR EACH ROW EXECUTE FUNCTION "authentication_events_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TRIGGER "TRG_authentication_events_append_only" ON "authentication_events"`,
    );
    await queryRunner.query(`DROP FUNCTION "authentication_events_append_only"()`);
    await queryRunner.query(
      `ALTER TABLE "authentications" DROP CONSTRAINT "CHK_authentications_state"`,
    );
    await queryRunner.query(
      `ALTER TABLE "authentications" DROP CONSTRAINT "CHK_authentications_outcome"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_authentications_checkout_session_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_authentications_team_reference"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "failure_reason"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "cryptogram_ciphertext"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "result"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "next_action"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "callback_token_hash"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "checkout_session_id"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "scheme"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "card_fingerprint"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "card_last4"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "card_bin"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "source_type"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "channel"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "currency"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "amount"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "reference"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "outcome"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "team_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_authentication_events_authentication"`);
    await queryRunner.query(`DROP TABLE "authentication_events"`);
  }
}
