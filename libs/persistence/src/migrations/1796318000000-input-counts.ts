import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-authentication caps on outside inputs become counter rows, taken by an upsert the
 * database re-checks under concurrency (a count of the timeline let concurrent inputs
 * overshoot). Existing timelines are counted once, so caps already reached stay reached.
 */
export class InputCounts1796318000000 implements MigrationInterface {
  name = 'InputCounts1796318000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "authentication_input_counts" ("authentication_id" text NOT NULL, "event" text NOT NULL, "recorded" integer NOT NULL, CONSTRAINT "PK_authentication_input_counts" PRIMARY KEY ("authentication_id", "event"))`,
    );
    await queryRunner.query(
      `INSERT INTO "authentication_input_counts" ("authentication_id", "event", "recorded")
       SELECT "authentication_id", "event", count(*) FROM "authentication_events"
       WHERE "detail" ? 'input' GROUP BY "authentication_id", "event"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "authentication_input_counts"`);
  }
}
