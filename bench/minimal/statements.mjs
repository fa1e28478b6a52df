// The minimal's writes: one statement (so one commit) per durable step, into the orchestrator's
// own tables (its migrated schema) with the same rows: the authentication with its follow-up due
// (`due_at`: the creation deadline, then the `complete` lease), its timeline, the Idempotency-Key
// record, the team event (outbox) and a delivery job per team endpoint.

/** Named like the orchestrator's tasks (libs/persistence/src/jobs/job-specs.ts). */
const RECHECK_TASK = 'recheck_authentication';
const COMPLETE_TASK = 'complete_checkout_session';
const DELIVERY_TASK = 'deliver_team_event';
/** Idempotency-Keys are kept as their SHA-256 (hex), as the orchestrator keeps them. */
const KEY_HASH = (param) => `encode(sha256(convert_to(${param}, 'UTF8')), 'hex')`;

/**
 * Step 1, before Checkout is called: the API key's team, the Idempotency-Key claimed (linked to
 * the new authentication), the row, its `created` timeline row and its creation deadline. A taken
 * key or an unknown API key inserts nothing; `team_id` null means the key is unknown.
 */
const CREATE = `
  WITH team AS (
    SELECT team_id FROM api_keys WHERE hash = $1 AND revoked_at IS NULL
  ), claimed AS (
    INSERT INTO idempotency_keys (team_id, key_hash, request_hash, state, authentication_id)
    SELECT team_id, ${KEY_HASH('$2')}, $3, 'in_progress', $4 FROM team
    ON CONFLICT DO NOTHING RETURNING team_id
  ), inserted AS (
    INSERT INTO authentications (id, team_id, state, reference, amount, currency, channel,
      source_type, card_bin, card_last4, card_fingerprint, callback_token_hash, version, provider,
      due_at, due_task, due_payload)
    SELECT $4, team_id, 'created', $5, $6::bigint, $7, $8, $9, $10, $11, $12, $13, 0, 'checkout',
      now() + make_interval(secs => $15 / 1000.0), '${RECHECK_TASK}',
      jsonb_build_object('authentication_id', $4::text, 'attempt', 1)
    FROM claimed
    RETURNING id, created_at
  ), timeline AS (
    INSERT INTO authentication_events (authentication_id, event, from_state, to_state, source, detail)
    SELECT id, 'created', NULL, 'created', 'api', $14::jsonb FROM inserted
  )
  SELECT (SELECT team_id FROM team) AS team_id, (SELECT created_at FROM inserted) AS created_at`;

/**
 * Step 2, Checkout's answer: compare-and-set to `result_ready` with its timeline row, the team's
 * `authentication.completed` event with one delivery (and job) per active endpoint, and the
 * Idempotency-Key's stored answer; the `complete` lease replaces the creation deadline. It is
 * due only after the lease: this process sends `complete` itself at once, the lease is there for
 * a process that died (the poller in server.mjs).
 */
const RESULT = `
  WITH moved AS (
    UPDATE authentications SET state = 'result_ready', outcome = $2, provider_session_id = $3,
      scheme = $4, next_action = NULL, result = $5::jsonb, cryptogram_ciphertext = $6,
      version = version + 1, updated_at = $7,
      due_at = now() + make_interval(secs => $11 / 1000.0), due_task = '${COMPLETE_TASK}',
      due_payload = jsonb_build_object('authentication_id', id, 'attempt', 1)
    WHERE id = $1 AND state = 'created'
    RETURNING id, team_id
  ), timeline AS (
    INSERT INTO authentication_events (authentication_id, event, from_state, to_state, source, detail)
    SELECT id, 'result_received', 'created', 'result_ready', 'api', $8::jsonb FROM moved
  ), team_event AS (
    INSERT INTO team_events (id, team_id, authentication_id, type, payload)
    SELECT $9, team_id, id, 'authentication.completed', $10::jsonb FROM moved
    RETURNING id, team_id
  ), deliveries AS (
    INSERT INTO event_deliveries (event_id, endpoint_id)
    SELECT event.id, endpoint.id FROM team_event event
    JOIN team_endpoints endpoint
      ON endpoint.team_id = event.team_id AND endpoint.disabled_at IS NULL
    RETURNING id
  ), jobs AS (
    SELECT graphile_worker.add_job('${DELIVERY_TASK}', json_build_object('delivery_id', id::text),
             job_key => 'delivery:' || id)
    FROM deliveries
  ), answered AS (
    UPDATE idempotency_keys SET state = 'completed', response_status = 201,
      response_body = $12::jsonb, updated_at = $7
    WHERE team_id = (SELECT team_id FROM moved) AND key_hash = ${KEY_HASH('$13')}
    RETURNING key_hash
  )
  SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM jobs)::int AS jobs,
         (SELECT count(*) FROM answered)::int AS answered`;

/**
 * Step 3, Checkout's POST to callback_url: the URL token checked against its hash and the
 * callback recorded once (same row and limit as the orchestrator's recordInputOnce).
 */
const CALLBACK = `
  WITH target AS (
    SELECT id, state FROM authentications WHERE id = $1 AND callback_token_hash = $2
  ), recorded AS (
    INSERT INTO authentication_events (authentication_id, event, source, detail)
    SELECT id, 'callback_received', 'checkout_callback', $3::jsonb FROM target
    WHERE (SELECT count(*) FROM authentication_events
           WHERE authentication_id = $1 AND event = 'callback_received') < 1
    ON CONFLICT DO NOTHING RETURNING id
  )
  SELECT target.state, (SELECT count(*) FROM recorded)::int AS recorded FROM target`;

/** Step 4, `complete` answered 204: `completed`, its timeline row, and the lease cleared. */
const COMPLETED = `
  WITH moved AS (
    UPDATE authentications SET state = 'completed', version = version + 1, updated_at = now(),
      due_at = NULL, due_task = NULL, due_payload = NULL
    WHERE id = $1 AND state = 'result_ready'
    RETURNING id
  ), timeline AS (
    INSERT INTO authentication_events (authentication_id, event, from_state, to_state, source)
    SELECT id, 'completion_confirmed', 'result_ready', 'completed', 'checkout_complete' FROM moved
  )
  SELECT count(*)::int AS moved FROM moved`;

/**
 * Follow-ups due (a process died holding them), claimed under a lease with SKIP LOCKED: another
 * process's claim is skipped, a claim whose process dies comes due again when the lease ends.
 */
const CLAIM_DUE = `
  UPDATE authentications a SET due_at = now() + make_interval(secs => $2 / 1000.0)
  FROM (SELECT id FROM authentications WHERE due_at <= now()
        ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
  WHERE a.id = due.id
  RETURNING a.id, a.state, a.due_task, a.provider_session_id`;

/** Only when the key was taken: what the earlier request stored. */
const EARLIER_REQUEST = `
  SELECT request_hash, state, response_status, response_body FROM idempotency_keys
  WHERE team_id = $1 AND key_hash = ${KEY_HASH('$2')}`;

export function statements(pool) {
  const one = async (text, values) => (await pool.query(text, values)).rows[0];
  return {
    create: (a) =>
      one(CREATE, [
        a.apiKeyHash,
        a.idempotencyKey,
        a.requestHash,
        a.id,
        a.reference,
        a.amount,
        a.currency,
        a.channel,
        a.sourceType,
        a.cardBin,
        a.cardLast4,
        a.cardFingerprint,
        a.callbackTokenHash,
        JSON.stringify({ channel: a.channel, source_type: a.sourceType }),
        a.recheckAfterMs,
      ]),
    result: (r) =>
      one(RESULT, [
        r.id,
        r.outcome,
        r.checkoutSessionId,
        r.scheme,
        JSON.stringify(r.result),
        r.cryptogramCiphertext,
        r.updatedAt,
        JSON.stringify({ checkout_status: r.checkoutStatus }),
        r.teamEvent.id,
        JSON.stringify(r.teamEvent.payload),
        r.completeLeaseMs,
        JSON.stringify(r.response),
        r.idempotencyKey,
      ]),
    callback: (id, tokenHash, detail) => one(CALLBACK, [id, tokenHash, JSON.stringify(detail)]),
    completed: (id) => one(COMPLETED, [id]),
    earlierRequest: (teamId, key) => one(EARLIER_REQUEST, [teamId, key]),
    claimDue: async (limit, leaseMs) => (await pool.query(CLAIM_DUE, [limit, leaseMs])).rows,
  };
}
