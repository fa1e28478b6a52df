import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a provider's adapter keeps between calls, sealed: a provider that cannot be asked about
 * an authentication in progress hands its state back with each answer. Rows from before keep
 * null: their provider keeps its own.
 */
export class ProviderState1796533000000 implements MigrationInterface {
  name = 'ProviderState1796533000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "authentications" ADD "provider_state_ciphertext" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "authentications" DROP COLUMN "provider_state_ciphertext"`,
    );
  }
}
