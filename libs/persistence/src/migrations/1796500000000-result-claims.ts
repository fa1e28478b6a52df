import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claim ledger (docs/claims.md): which payment uses an authentication's result. A partial
 * unique index keeps one active claim per authentication, so concurrent claims are settled by
 * the database in one INSERT each.
 */
export class ResultClaims1796500000000 implements MigrationInterface {
  name = 'ResultClaims1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "result_claims" ("id" text NOT NULL, "authentication_id" text NOT NULL, "team_id" text NOT NULL, "payment_reference" text NOT NULL, "psp" text NOT NULL, "amount" bigint NOT NULL, "currency" text NOT NULL, "status" text NOT NULL, "release_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_result_claims_amount" CHECK ("amount" >= 0), CONSTRAINT "CHK_result_claims_release" CHECK (("status" = 'released') = ("released_at" IS NOT NULL AND "release_reason" IS NOT NULL)), CONSTRAINT "CHK_result_claims_psp" CHECK ("psp" IN ('generic', 'checkout', 'stripe', 'adyen')), CONSTRAINT "CHK_result_claims_status" CHECK ("status" IN ('active', 'released')), CONSTRAINT "PK_result_claims" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_result_claims_active" ON "result_claims" ("authentication_id") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_result_claims_authentication" ON "result_claims" ("authentication_id", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_result_claims_authentication"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_result_claims_active"`);
    await queryRunner.query(`DROP TABLE "result_claims"`);
  }
}
