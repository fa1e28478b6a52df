import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each authentication's `challenge_indicator` was chosen: by the request or by the team's
 * exemption policy (which version, which rule). Rows from before keep null: nothing was decided.
 */
export class ExemptionDecisions1796528000000 implements MigrationInterface {
  name = 'ExemptionDecisions1796528000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" ADD "exemption_decision" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "exemption_decision"`);
  }
}
