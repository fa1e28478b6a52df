import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The queue's keys of an authentication's own follow-ups, `<prefix>:<authentication id>`. */
const OWN_JOB_KEYS = `j.key IN ('recheck:' || a.id, 'complete:' || a.id)`;

/**
 * An authentication's own follow-up (its deadline, or its `complete` lease) as columns of its row,
 * set by the move's own UPDATE and claimed with SKIP LOCKED, instead of a graphile-worker job per
 * move (docs/design.md#durable-follow-ups). Pending `recheck:` and `complete:` jobs move into the
 * columns; `down` moves them back. The queue's schema may not exist yet (a new database): then
 * there is nothing to move.
 */
export class AuthenticationDue1796534000000 implements MigrationInterface {
  name = 'AuthenticationDue1796534000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "authentications" ADD "due_at" TIMESTAMP WITH TIME ZONE, ADD "due_task" text, ADD "due_payload" jsonb`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_authentications_due" ON "authentications"  ("due_at") WHERE "due_at" IS NOT NULL`,
    );
    if (!(await queueExists(queryRunner))) return;
    await queryRunner.query(
      `UPDATE authentications a SET due_at = j.run_at, due_task = t.identifier,
         due_payload = j.payload::jsonb
       FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
       WHERE ${OWN_JOB_KEYS} AND j.locked_at IS NULL`,
    );
    await queryRunner.query(
      `SELECT graphile_worker.remove_job(j.key) FROM graphile_worker._private_jobs j
       JOIN authentications a ON ${OWN_JOB_KEYS} WHERE a.due_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (await queueExists(queryRunner)) {
      await queryRunner.query(
        `SELECT graphile_worker.add_job(a.due_task, a.due_payload::json, run_at => a.due_at,
           job_key => CASE a.due_task WHEN 'recheck_authentication' THEN 'recheck:'
                                      ELSE 'complete:' END || a.id)
         FROM authentications a WHERE a.due_at IS NOT NULL`,
      );
    }
    await queryRunner.query(`DROP INDEX "public"."IDX_authentications_due"`);
    await queryRunner.query(
      `ALTER TABLE "authentications" DROP COLUMN "due_payload", DROP COLUMN "due_task", DROP COLUMN "due_at"`,
    );
  }
}

async function queueExists(queryRunner: QueryRunner): Promise<boolean> {
  const rows = (await queryRunner.query(
    `SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS exists`,
  )) as { exists: boolean }[];
  return rows[0]?.exists === true;
}
