import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each authentication's provider was chosen: the team's routing policy (version, rule, split
 * bucket, fallbacks) or THREEDS_PROVIDER. Rows from before keep null: nothing was routed.
 */
export class RoutingDecisions1796532000000 implements MigrationInterface {
  name = 'RoutingDecisions1796532000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" ADD "routing_decision" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "routing_decision"`);
  }
}
