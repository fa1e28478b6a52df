import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Currencies are upper case from now on: requests are made canonical where they are parsed, and
 * claims compare them exactly. Rows written before kept the letter case sent (`eur`); they are
 * made upper case too. A revert leaves them so: upper case is what ISO 4217 writes, and the case
 * that was sent is not kept anywhere to go back to.
 */
export class CanonicalCurrencies1796527000000 implements MigrationInterface {
  name = 'CanonicalCurrencies1796527000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['authentications', 'result_claims']) {
      await queryRunner.query(
        `UPDATE "${table}" SET "currency" = upper("currency") WHERE "currency" <> upper("currency")`,
      );
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: see above.
  }
}
