import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts the re-reads browser and app notifications caused, against their lifetime budget. */
export class NotificationRereadBudget1796319000000 implements MigrationInterface {
  name = 'NotificationRereadBudget1796319000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "notification_rereads" integer NOT NULL DEFAULT '0'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "notification_rereads"`);
  }
}
