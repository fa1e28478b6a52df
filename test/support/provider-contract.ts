import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ChannelData,
  NextAction,
  ProviderFailureClass,
  ProviderReturnUrls,
  ProviderSessionContext,
  ProviderSnapshot,
  SessionRequest,
  ThreeDsProvider,
} from '@app/domain';
import { aBrowserChannel } from './simulator/factories.js';

/** The cards every provider's sandbox (and simulator) must offer, by what they do. */
export type ContractCard = 'frictionless' | 'challenge' | 'refused';

/** One adapter wired to its simulator over HTTP, and what the suite needs to drive it. */
export interface ProviderUnderContract {
  readonly provider: ThreeDsProvider;
  /** The same adapter pointed at an address where nothing answers. */
  readonly unreachable: ThreeDsProvider;
  /** The provider's sandbox card for each behaviour. */
  readonly cards: Readonly<Record<ContractCard, string>>;
  /** Plays the cardholder: passes the challenge the next action describes. */
  passChallenge(nextAction: NextAction): Promise<void>;
  /** Well formed, but no session of the provider's. */
  readonly unknownSessionId: string;
  close(): Promise<void>;
}

const CONTEXT: ProviderSessionContext = {
  authenticationId: 'auth_contract',
  channel: 'browser',
  hosted: false,
  methodNotificationUrl: 'http://127.0.0.1:9/notifications/3ds-method/auth_contract',
};

/** Our side's URLs, all on a server that accepts whatever the provider posts (the callback). */
const returnUrls = (base: string): ProviderReturnUrls => ({
  callback: `${base}/callbacks/auth_contract/token`,
  challengeNotification: `${base}/notifications/challenge/auth_contract`,
  hostedSuccess: `${base}/hosted/auth_contract/token/success`,
  hostedFailure: `${base}/hosted/auth_contract/token/failure`,
});

async function acceptingServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const TEAM = 'team-contract';

/** A browser create for `card`, with the browser's data in it or without. */
const aCreateRequest = (card: string, withChannelData: boolean): SessionRequest =>
  ({
    source: { type: 'card', number: card, expiry_month: 12, expiry_year: 2030 },
    amount: 6540,
    currency: 'EUR',
    reference: 'ORD-CONTRACT-1',
    channel: 'browser',
    ...(withChannelData ? { channel_data: aBrowserChannel() } : {}),
  }) as SessionRequest;

const aChannelData = () => aBrowserChannel() as unknown as ChannelData;

/**
 * What every adapter behind the provider port must do, in the domain's words only
 * (docs/design.md#provider-port). Each provider instantiates it once, against its simulator.
 */
export function describeProviderContract(
  name: string,
  setup: () => Promise<ProviderUnderContract>,
): void {
  describe(`${name} behind the provider port (contract, e2e)`, () => {
    let sut: ProviderUnderContract;
    let ours: { server: Server; url: string };
    let URLS: ProviderReturnUrls;

    beforeAll(async () => {
      sut = await setup();
      ours = await acceptingServer();
      URLS = returnUrls(ours.url);
    });
    afterAll(async () => {
      await sut.close();
      await new Promise((resolve) => ours.server.close(resolve));
    });

    const create = (card: ContractCard, withChannelData: boolean) =>
      sut.provider.createSession(
        TEAM,
        aCreateRequest(sut.cards[card], withChannelData),
        URLS,
        CONTEXT,
      );

    /** The class of the failure `call` ends in (it must fail). */
    const failureClassOf = async (
      adapter: ThreeDsProvider,
      call: () => Promise<unknown>,
    ): Promise<ProviderFailureClass | undefined> => {
      const error = await call().then(
        () => new Error('expected the call to fail'),
        (failure: unknown) => failure,
      );
      return adapter.failureOf(error)?.class;
    };

    const expectAuthenticated = (snapshot: ProviderSnapshot) => {
      expect(snapshot.event).toMatchObject({ type: 'result_received', outcome: 'authenticated' });
      expect(snapshot.awaitingInput).toBe(false);
      expect(snapshot.nextAction).toBeNull();
      expect(snapshot.result.eci).toEqual(expect.any(String));
    };

    it('answers a frictionless create with browser data with a final snapshot and its result', async () => {
      const { snapshot } = await create('frictionless', true);
      expect(snapshot.providerSessionId).toEqual(expect.any(String));
      expectAuthenticated(snapshot);
      const read = await sut.provider.readSession(snapshot.providerSessionId, CONTEXT);
      expectAuthenticated(read);
      expect(read.providerSessionId).toBe(snapshot.providerSessionId);
      expect(read.cryptogram).toEqual(expect.any(String));
      expect(read.recorded.currency).toEqual(expect.any(String));
    });

    it('confirms `complete` once the result was handed over, and says so on the next read', async () => {
      const { snapshot } = await create('frictionless', true);
      expect(snapshot).toMatchObject({ completed: false, completable: true });
      await sut.provider.complete(snapshot.providerSessionId);
      const read = await sut.provider.readSession(snapshot.providerSessionId, CONTEXT);
      expect(read).toMatchObject({ completed: true, completable: false });
    });

    it('waits for the 3DS Method and the browser data, then authenticates', async () => {
      const { snapshot } = await create('frictionless', false);
      expect(snapshot.event?.type).toBe('fingerprint_required');
      expect(snapshot).toMatchObject({
        awaitingInput: true,
        awaitingMethodCompletion: true,
        completable: false,
      });
      expect(snapshot.nextAction?.type).toBe('three_ds_method');
      const id = snapshot.providerSessionId;
      const reported = await sut.provider.reportMethodCompletion(id, 'Y', CONTEXT);
      expect(reported).toMatchObject({ awaitingInput: true, awaitingMethodCompletion: false });
      expect(reported.nextAction).toEqual({ type: 'collect_channel_data', channel: 'browser' });
      expectAuthenticated(await sut.provider.submitChannelData(id, aChannelData(), CONTEXT));
    });

    it('asks for a challenge for a challenge card, and has the result once it is passed', async () => {
      const { snapshot } = await create('challenge', true);
      expect(snapshot.event?.type).toBe('challenge_issued');
      expect(snapshot.nextAction?.type).toBe('challenge');
      await sut.passChallenge(snapshot.nextAction!);
      expectAuthenticated(await sut.provider.readSession(snapshot.providerSessionId, CONTEXT));
    });

    it('classes a refused create as rejected, with the provider codes', async () => {
      const error = await create('refused', true).then(
        () => new Error('expected a refusal'),
        (refusal: unknown) => refusal,
      );
      const failure = sut.provider.failureOf(error);
      expect(failure?.class).toBe('rejected');
      expect(failure?.class === 'rejected' && failure.providerCodes.length).toBeGreaterThan(0);
    });

    it('classes a session it does not know as not_found', async () => {
      expect(
        await failureClassOf(sut.provider, () =>
          sut.provider.readSession(sut.unknownSessionId, CONTEXT),
        ),
      ).toBe('not_found');
    });

    it('classes an upstream that does not answer as unavailable', async () => {
      const down = sut.unreachable;
      expect(
        await failureClassOf(down, () => down.readSession(sut.unknownSessionId, CONTEXT)),
      ).toBe('unavailable');
      expect(
        await failureClassOf(down, () =>
          down.createSession(TEAM, aCreateRequest(sut.cards.frictionless, true), URLS, CONTEXT),
        ),
      ).toBe('unavailable');
    });
  });
}
