import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step-ups after a soft decline (docs/step-up.md): the new authentication names the original
 * (`stepped_up_from`, unique, so an original is stepped up once however many requests race) and
 * the original names it back (`stepped_up_to`). Rows from before keep null: none was stepped up.
 */
export class StepUps1796530000000 implements MigrationInterface {
  name = 'StepUps1796530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" ADD "stepped_up_from" text`);
    await queryRunner.query(`ALTER TABLE "authentications" ADD "stepped_up_to" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_authentications_stepped_up_from" ON "authentications" ("stepped_up_from") WHERE "stepped_up_from" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_authentications_stepped_up_from"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "stepped_up_to"`);
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "stepped_up_from"`);
  }
}
