import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ChannelData,
  NextAction,
  ProviderFailureClass,
  ProviderReturnUrls,
  ProviderSessionContext,
  ProviderSnapshot,
  ReadHint,
  SessionRequest,
  ThreeDsProvider,
} from '@app/domain';
import { aBrowserChannel } from './simulator/factories.js';

/**
 * The cards every provider's sandbox (and simulator) must offer, by what they do; `threeDsMethod`
 * (3DS Method, then frictionless) only where browser data comes with the create.
 */
export type ContractCard = 'frictionless' | 'challenge' | 'refused' | 'threeDsMethod';

/**
 * How a provider keeps the contract where providers differ, declared by its spec and checked
 * against its capabilities: `complete` confirmed by the next read (`by_read`), or resolved at
 * once with nothing to confirm (`at_once`, a provider without a `complete` of its own).
 */
export interface ContractShape {
  readonly complete: 'by_read' | 'at_once';
}

/** One adapter wired to its simulator over HTTP, and what the suite needs to drive it. */
export interface ProviderUnderContract {
  readonly provider: ThreeDsProvider;
  /** The same adapter pointed at an address where nothing answers. */
  readonly unreachable: ThreeDsProvider;
  /** The provider's sandbox card for each behaviour (`threeDsMethod` when it takes no data later). */
  readonly cards: Readonly<Record<Exclude<ContractCard, 'threeDsMethod'>, string>> & {
    readonly threeDsMethod?: string;
  };
  /**
   * Plays the cardholder: passes the challenge the next action describes; answers what the CRes
   * our page would receive tells the read (its transStatus), as the flow hands it on.
   */
  passChallenge(nextAction: NextAction): Promise<ReadHint | void>;
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

let created = 0;
/** Each create is a new authentication: a provider may key its create by our id. */
const aNewContext = (): ProviderSessionContext => {
  created += 1;
  const authenticationId = `auth_contract_${process.pid}_${created}`;
  return {
    ...CONTEXT,
    authenticationId,
    methodNotificationUrl: `http://127.0.0.1:9/notifications/3ds-method/${authenticationId}`,
  };
};

/**
 * The context of the next call as the flow builds it: the same authentication, with the state
 * the adapter kept at its last answer (a snapshot without one leaves the kept one).
 */
const after = (context: ProviderSessionContext, snapshot: ProviderSnapshot) =>
  snapshot.providerState ? { ...context, providerState: snapshot.providerState } : context;

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
  shape: ContractShape = { complete: 'by_read' },
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

    /** A create, and the context its next call gets. */
    const create = async (card: ContractCard, withChannelData: boolean) => {
      const number = sut.cards[card];
      if (!number) throw new Error(`no ${card} card`);
      const context = aNewContext();
      const answer = await sut.provider.createSession(
        TEAM,
        aCreateRequest(number, withChannelData),
        URLS,
        context,
      );
      return { ...answer, context: after(context, answer.snapshot) };
    };

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
      const { snapshot, context } = await create('frictionless', true);
      expect(snapshot.providerSessionId).toEqual(expect.any(String));
      expectAuthenticated(snapshot);
      const read = await sut.provider.readSession(snapshot.providerSessionId, context);
      expectAuthenticated(read);
      expect(read.providerSessionId).toBe(snapshot.providerSessionId);
      expect(read.cryptogram).toEqual(expect.any(String));
      expect(read.recorded.currency).toEqual(expect.any(String));
    });

    it('confirms `complete` once the result was handed over, and says so on the next read', async () => {
      const { snapshot, context } = await create('frictionless', true);
      expect(snapshot).toMatchObject({ completed: false, completable: true });
      await sut.provider.complete(snapshot.providerSessionId);
      const read = await sut.provider.readSession(snapshot.providerSessionId, context);
      if (shape.complete === 'by_read') {
        expect(read).toMatchObject({ completed: true, completable: false });
      } else {
        // Nothing to confirm at the provider: the result stays as read, and `complete` resolved.
        expectAuthenticated(read);
      }
    });

    it('declares what its spec says of it', () => {
      expect(sut.provider.capabilities.channelDataAfterCreate).toBe(
        sut.cards.threeDsMethod === undefined,
      );
    });

    it('waits for the 3DS Method (and the browser data, if it came later), then authenticates', async () => {
      if (!sut.provider.capabilities.channelDataAfterCreate) {
        // Browser data at create: the 3DS Method alone, then the result in the same call.
        const { snapshot, context } = await create('threeDsMethod', true);
        expect(snapshot.event?.type).toBe('fingerprint_required');
        expect(snapshot).toMatchObject({ awaitingMethodCompletion: true, completable: false });
        expect(snapshot.nextAction?.type).toBe('three_ds_method');
        const id = snapshot.providerSessionId;
        const reported = await sut.provider.reportMethodCompletion(id, 'Y', context);
        expectAuthenticated(reported);
        expect(reported.cryptogram).toEqual(expect.any(String));
        return;
      }
      const { snapshot, context } = await create('frictionless', false);
      expect(snapshot.event?.type).toBe('fingerprint_required');
      expect(snapshot).toMatchObject({
        awaitingInput: true,
        awaitingMethodCompletion: true,
        completable: false,
      });
      expect(snapshot.nextAction?.type).toBe('three_ds_method');
      const id = snapshot.providerSessionId;
      const reported = await sut.provider.reportMethodCompletion(id, 'Y', context);
      expect(reported).toMatchObject({ awaitingInput: true, awaitingMethodCompletion: false });
      expect(reported.nextAction).toEqual({ type: 'collect_channel_data', channel: 'browser' });
      expectAuthenticated(
        await sut.provider.submitChannelData(id, aChannelData(), after(context, reported)),
      );
    });

    it('asks for a challenge for a challenge card, and has the result once it is passed', async () => {
      const { snapshot, context } = await create('challenge', true);
      expect(snapshot.event?.type).toBe('challenge_issued');
      expect(snapshot.nextAction?.type).toBe('challenge');
      const hint = (await sut.passChallenge(snapshot.nextAction!)) ?? undefined;
      expectAuthenticated(
        await sut.provider.readSession(snapshot.providerSessionId, context, hint),
      );
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
