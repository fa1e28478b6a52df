import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An endpoint that succeeds again gets its dead-lettered events back (per endpoint, on by
 * default): the setting, when the current round of redeliveries ends, and the dead deliveries
 * of an endpoint found without a scan.
 */
export class DeadLetterRedelivery1796300000000 implements MigrationInterface {
  name = 'DeadLetterRedelivery1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "team_endpoints" ADD "redeliver_dead_events" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_endpoints" ADD "redelivery_until" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_event_deliveries_endpoint_dead" ON "event_deliveries" ("endpoint_id", "id") WHERE "state" = 'dead'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_event_deliveries_endpoint_dead"`);
    await queryRunner.query(`ALTER TABLE "team_endpoints" DROP COLUMN "redelivery_until"`);
    await queryRunner.query(`ALTER TABLE "team_endpoints" DROP COLUMN "redeliver_dead_events"`);
  }
}
