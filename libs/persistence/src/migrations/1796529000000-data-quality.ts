import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each authentication's data quality score and missing elements, as its create was scored. Rows
 * from before keep null: they were never scored.
 */
export class DataQuality1796529000000 implements MigrationInterface {
  name = 'DataQuality1796529000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" ADD "data_quality" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "data_quality"`);
  }
}
