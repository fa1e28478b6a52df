import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuthentications1764064800000 implements MigrationInterface {
  name = 'CreateAuthentications1764064800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "authentications" (
        "id" text NOT NULL,
        "state" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_authentications" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "authentications"`);
  }
}
