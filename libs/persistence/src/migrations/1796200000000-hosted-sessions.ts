import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hosted authentications keep the team's return pages (success, failure, cancel). */
export class HostedSessions1796200000000 implements MigrationInterface {
  name = 'HostedSessions1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" ADD "hosted" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" DROP COLUMN "hosted"`);
  }
}
