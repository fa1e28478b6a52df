import { createServer, isIP, type AddressInfo, type Server } from 'node:net';
import { HttpRecorder } from '../../support/http-recorder.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { aSecurityConfig } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';
import { SecretBox } from '../../../apps/orchestrator/src/security/secret-box.js';
import { HostResolver } from '../../../apps/orchestrator/src/team-events/host-resolver.js';

const FRICTIONLESS_Y = '4485040371536584';
/** A name no real resolver knows: the test answers for it (the true edge, HostResolver). */
const REBINDING_NAME = 'events.rebinding.test';

interface Delivery {
  state: string;
  attempt_log: { status: number | null; error: string | null }[];
}

/**
 * Team endpoints reach public addresses only, in every spelling: refused at registration, and
 * refused again at connect time when a name resolves elsewhere since (DNS rebinding).
 */
describe('team endpoint addresses (e2e)', () => {
  let ctx: Orchestration;
  let endpoint: HttpRecorder;
  /** Counts every TCP connection, on every local address (IPv4 and IPv6 alike). */
  let canary: { server: Server; port: number; connections: number };

  beforeAll(async () => {
    ctx = await Orchestration.start({
      events: {
        teamDelivery: {
          maxAttempts: 1,
          backoff: { baseMs: 50, capMs: 50 },
          timeoutMs: 2_000,
          redeliverySpacingMs: 50,
          allowPrivateTargets: false,
        },
      },
    });
    endpoint = await HttpRecorder.start();
    const server = createServer((socket) => {
      canary.connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '::', resolve));
    canary = { server, port: (server.address() as AddressInfo).port, connections: 0 };
  });
  beforeEach(async () => {
    await ctx.reset();
    canary.connections = 0;
  });
  afterAll(async () => {
    canary.server.close();
    await endpoint.close();
    await ctx.close();
  });

  it.each([
    'http://8.8.8.8/events',
    'https://127.0.0.1/events',
    'https://localhost/events',
    'https://10.1.2.3/events',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/events',
    'https://[::ffff:127.0.0.1]/events',
    'https://[::ffff:7f00:1]/events',
    'https://[::127.0.0.1]/events',
    'https://[64:ff9b::127.0.0.1]/events',
    'https://[fec0::1]/events',
    'https://[fd00::1]/events',
    'https://0x7f.1/events',
    'https://0177.0.0.1/events',
    'https://127.1/events',
    'https://2130706433/events',
    'https://100.64.0.1/events',
    'https://user:password@8.8.8.8/events',
    'ftp://8.8.8.8/events',
    'not a url',
  ])('refuses %s', async (url) => {
    const refused = await ctx.api('post', '/v1/webhook-endpoints').send({ url }).expect(422);
    expect(refused.body.error.code).toBe('ENDPOINT_URL_NOT_ALLOWED');
  });

  it.each(['https://8.8.8.8/payments/3ds-events', 'https://[2606:4700:4700::1111]/events'])(
    'accepts the public address %s',
    async (url) => {
      await ctx.api('post', '/v1/webhook-endpoints').send({ url }).expect(201);
    },
  );

  const deadDelivery = async (authenticationId: string) =>
    waitUntil(async () => {
      const { body } = await ctx.api('get', `/v1/events?authentication_id=${authenticationId}`);
      const delivery = (body.data as { deliveries: Delivery[] }[])[0]?.deliveries[0];
      return delivery?.state === 'dead' ? delivery : undefined;
    });

  const completeOne = async () =>
    (
      await ctx.client
        .create(aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel() }))
        .expect(201)
    ).body.id as string;

  const storeEndpoint = (url: string) =>
    ctx.sql(
      `INSERT INTO team_endpoints (id, team_id, url, secret_ciphertext)
       VALUES ('ep_aaaaaaaaaaaaaaaaaaaaaaaaaa', 'team-a', $1, $2)`,
      [url, new SecretBox(aSecurityConfig()).encrypt('whsec_c2VjcmV0')],
    );

  it('refuses to connect to a private address even when one was stored', async () => {
    await storeEndpoint(endpoint.to('/events'));
    const dead = await deadDelivery(await completeOne());
    expect(dead.attempt_log).toMatchObject([{ status: null, error: 'blocked_address' }]);
    expect(endpoint.requests).toEqual([]);
  });

  it.each(['::7f00:1', '::ffff:7f00:1'])(
    'refuses to connect to the stored address [%s]',
    async (address) => {
      await storeEndpoint(`https://[${address}]:${canary.port}/events`);
      const dead = await deadDelivery(await completeOne());
      expect(dead.attempt_log).toMatchObject([{ status: null, error: 'blocked_address' }]);
      expect(canary.connections).toBe(0);
    },
  );

  it.each([
    ['::7f00:1', 'IPv4-compatible loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['127.0.0.1', 'loopback'],
    ['fd00::1', 'unique local'],
  ])(
    'refuses to connect when a name registered as public now resolves to %s (%s)',
    async (address) => {
      const resolver = ctx.orchestrator.app.get(HostResolver);
      let answer = '8.8.8.8';
      const restore = answerDnsFor(resolver, REBINDING_NAME, () => answer);
      try {
        await ctx
          .api('post', '/v1/webhook-endpoints')
          .send({ url: `https://${REBINDING_NAME}:${canary.port}/events` })
          .expect(201);
        answer = address;
        const dead = await deadDelivery(await completeOne());
        expect(dead.attempt_log).toMatchObject([{ status: null, error: 'blocked_address' }]);
        expect(canary.connections).toBe(0);
      } finally {
        restore();
      }
    },
  );
});

/** Answers DNS for `name` with `address()` at each lookup; other names resolve as usual. */
function answerDnsFor(resolver: HostResolver, name: string, address: () => string): () => void {
  const real = resolver.lookup.bind(resolver);
  resolver.lookup = (hostname, options, callback) => {
    if (hostname !== name) return real(hostname, options, callback);
    const found = { address: address(), family: isIP(address()) };
    if (options.all) callback(null, [found]);
    else callback(null, found.address, found.family);
  };
  return () => {
    resolver.lookup = real;
  };
}
