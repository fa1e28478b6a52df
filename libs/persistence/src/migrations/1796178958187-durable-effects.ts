import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable side effects: Checkout's webhook inbox, job worker heartbeats, the outbox of team
 * events with their endpoints, deliveries and attempts, and the idempotency key's link to the
 * authentication it created. The job queue's own schema (graphile_worker) is installed by
 * graphile-worker itself.
 */
export class DurableEffects1796178958187 implements MigrationInterface {
  name = 'DurableEffects1796178958187';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "checkout_webhook_events" ("id" text NOT NULL, "type" text NOT NULL, "checkout_session_id" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_checkout_webhook_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "job_workers" ("pool_id" text NOT NULL, "instance" text NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_job_workers" PRIMARY KEY ("pool_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "team_endpoints" ("id" text NOT NULL, "team_id" text NOT NULL, "url" text NOT NULL, "description" text, "secret_ciphertext" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_team_endpoints" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_team_endpoints_team" ON "team_endpoints"  ("team_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "team_events" ("id" text NOT NULL, "team_id" text NOT NULL, "authentication_id" text NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_team_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_team_events_authentication" ON "team_events"  ("authentication_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_team_events_team_created" ON "team_events"  ("team_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_deliveries" ("id" BIGSERIAL NOT NULL, "event_id" text NOT NULL, "endpoint_id" text NOT NULL, "state" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_event_deliveries_state" CHECK ("state" IN ('pending', 'delivered', 'dead')), CONSTRAINT "PK_event_deliveries" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_event_deliveries_event_endpoint" ON "event_deliveries"  ("event_id", "endpoint_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_delivery_attempts" ("id" BIGSERIAL NOT NULL, "delivery_id" bigint NOT NULL, "status" integer, "error" text, "duration_ms" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_event_delivery_attempts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_event_delivery_attempts_delivery" ON "event_delivery_attempts"  ("delivery_id", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ADD "authentication_id" text`);
    await queryRunner.query(
      `CREATE INDEX "IDX_authentications_unlinked_reference" ON "authentications"  ("reference") WHERE "checkout_session_id" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_authentications_unlinked_reference"`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DROP COLUMN "authentication_id"`);
    await queryRunner.query(`DROP TABLE "event_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "event_deliveries"`);
    await queryRunner.query(`DROP TABLE "team_events"`);
    await queryRunner.query(`DROP TABLE "team_endpoints"`);
    await queryRunner.query(`DROP TABLE "job_workers"`);
    await queryRunner.query(`DROP TABLE "checkout_webhook_events"`);
  }
}
