import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A team's authentications by creation time: the outcome analytics read a window of them, and
 * the list pages through them newest first.
 */
export class TeamCreationIndex1796531000000 implements MigrationInterface {
  name = 'TeamCreationIndex1796531000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_authentications_team_created" ON "authentications" ("team_id", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_authentications_team_created"`);
  }
}
