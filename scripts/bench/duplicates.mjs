// Duplicate callbacks: Checkout may post to callback_url more than once, and anyone who learnt the
// URL can repeat it. Each implementation gets one completed flow, then `concurrency` clients post
// its callback again and again; the rate of 2xx answers is measured, and the flow must still
// have exactly one `callback_received` row and no other move.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createOnce } from './load.mjs';
import { appAndPostgresCpuMs, freePort } from './processes.mjs';

const round = (value) => Math.round(value * 10) / 10;
const round2 = (value) => Math.round(value * 1000) / 1000;

/** CPU ms spent so far by the app, PostgreSQL's processes and this process (the clients). */
function cpuOf(app, server) {
  const own = process.cpuUsage();
  return {
    ...appAndPostgresCpuMs(app, server.postmasterPid),
    load: (own.user + own.system) / 1000,
  };
}

async function completedFlow(baseUrl, simulatorUrl, client) {
  const created = await createOnce(baseUrl);
  if (!created.ok) throw new Error(`create failed: ${created.status}`);
  const id = created.body.id;
  for (let waited = 0; waited < 10_000; waited += 20) {
    const { rows } = await client.query('SELECT state FROM authentications WHERE id = $1', [id]);
    if (rows[0]?.state === 'completed') break;
    await sleep(20);
  }
  const session = await (
    await fetch(`${simulatorUrl}/_sim/sessions/${created.body.checkout_session_id}`)
  ).json();
  return { id, callbackUrl: session.completion.callback_url, sessionId: session.id };
}

async function timelineOf(client, id) {
  const { rows } = await client.query(
    `SELECT a.state, a.version,
       (SELECT count(*)::int FROM authentication_events e
        WHERE e.authentication_id = a.id AND e.event = 'callback_received') AS callbacks
     FROM authentications a WHERE a.id = $1`,
    [id],
  );
  return rows[0];
}

export async function measureDuplicateCallbacks({
  implementation,
  concurrency,
  seconds,
  server,
  simulator,
  template,
  name,
}) {
  await server.createDatabase(name, template);
  const databaseUrl = server.urlFor(name);
  await fetch(`${simulator.url}/_sim/reset`, { method: 'POST' });
  const port = await freePort();
  const app = implementation.start({ port, databaseUrl, simulatorUrl: simulator.url });
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await app.ready;
    await client.connect();
    const flow = await completedFlow(`http://127.0.0.1:${port}`, simulator.url, client);
    const before = await timelineOf(client, flow.id);
    const body = JSON.stringify({ session_id: flow.sessionId, status: 'approved' });
    let answered = 0;
    const failures = {};
    const cpuBefore = cpuOf(app, server);
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const response = await fetch(flow.callbackUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }).catch(() => ({ status: 'no answer', text: async () => '' }));
          await response.text();
          if (response.status >= 200 && response.status < 300) answered++;
          else failures[response.status] = (failures[response.status] ?? 0) + 1;
        }
      }),
    );
    const cpuAfter = cpuOf(app, server);
    const after = await timelineOf(client, flow.id);
    const perCallback = (key) => round2((cpuAfter[key] - cpuBefore[key]) / answered);
    return {
      implementation: implementation.name,
      concurrency,
      seconds,
      callbacks_per_s: round(answered / seconds),
      // The load generator is this process: its share grows with the headers it has to parse.
      cpu_ms_per_callback: {
        app: perCallback('app'),
        postgres: perCallback('postgres'),
        load: perCallback('load'),
      },
      failures,
      callback_rows: after.callbacks,
      moved: after.state !== before.state || after.version !== before.version,
      exit_code: await app.stop(),
    };
  } catch (error) {
    await app.stop();
    throw new Error(`${implementation.name} duplicate callbacks failed: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
    await server.dropDatabase(name);
  }
}
