import type { AuthenticationEvent } from '../authentication/authentication.machine.js';
import type {
  AuthenticationResultFields,
  NextAction,
} from '../authentication/authentication-details.js';
import type { ProviderCapabilities } from '../routing/provider-capabilities.js';
import type {
  ChannelData,
  MethodCompletion,
  ProviderChannel,
  SessionRequest,
} from './session-request.js';

/**
 * What an adapter keeps between calls for a provider that cannot be asked about a session
 * in progress (it has no read of a pending authentication): opaque to the flow, stored sealed
 * (it may hold bearer tokens), never shown, logged or sent anywhere but back to its adapter.
 */
export type ProviderState = Readonly<Record<string, unknown>>;

/** Our side of a session that a provider needs to describe it in our terms. */
export interface ProviderSessionContext {
  /** Ours, known before the provider's: an idempotency key for its create, or its session id. */
  readonly authenticationId: string;
  readonly channel: ProviderChannel;
  /** The provider's own page runs every browser step: the team only ever redirects. */
  readonly hosted: boolean;
  /** Where the issuer's 3DS Method page posts back (EMV threeDSMethodNotificationURL). */
  readonly methodNotificationUrl: string;
  /** What the adapter kept at its last answer (ProviderSnapshot.providerState); none before. */
  readonly providerState?: ProviderState;
}

/**
 * What the flow heard that the provider may need to be told: the EMV CRes our page received
 * carries the challenge's transStatus, which a provider without an RReq of its own takes as the
 * challenge's result.
 */
export interface ReadHint {
  readonly challengeTransStatus?: string;
}

/** Our URLs a provider reports to: the result callback, or the two hosted return pages. */
export interface ProviderReturnUrls {
  readonly callback: string;
  readonly challengeNotification: string;
  readonly hostedSuccess: string;
  readonly hostedFailure: string;
}

/** A provider session, read at one moment, in the domain's words (docs/design.md#provider-port). */
export interface ProviderSnapshot {
  readonly providerSessionId: string;
  /** The provider's own status word, kept beside the move it caused. */
  readonly providerStatus: string;
  /** The fact the session amounts to, or null when it says nothing new. */
  readonly event: AuthenticationEvent | null;
  readonly nextAction: NextAction | null;
  readonly result: AuthenticationResultFields;
  readonly scheme?: string;
  /** In clear: the caller encrypts it before it is stored, and never logs it. */
  readonly cryptogram?: string;
  /** The provider still waits for channel data (or the 3DS Method before it). */
  readonly awaitingInput: boolean;
  readonly awaitingMethodCompletion: boolean;
  /** The provider confirmed that the result was handed over (`complete` went through). */
  readonly completed: boolean;
  /** The provider would take `complete` now: a result to hand over that was not handed over. */
  readonly completable: boolean;
  /** Replaces the kept ProviderState when set; absent: the kept one stays. */
  readonly providerState?: ProviderState;
  /** What the provider recorded of our request: matches a session we never heard back about. */
  readonly recorded: {
    readonly reference?: string;
    readonly currency?: string;
    readonly amount?: number;
  };
}

export interface CreatedProviderSession {
  readonly snapshot: ProviderSnapshot;
  /** For an app's 3DS SDK: answered once, never stored (docs/checkout-sessions.md#session-secret). */
  readonly sdkSessionSecret?: string;
}

/**
 * Why a provider call failed, whatever the provider's wire says:
 * - `unavailable`: no usable answer (network, timeout, 5xx); safe to retry later;
 * - `busy`: the provider said "not now" and did nothing;
 * - `rejected`: the provider refused the request, with its own codes;
 * - `outcome_unknown`: the request may have taken effect (a timeout after sending);
 * - `not_found`: the provider does not know the session (any more).
 */
export type ProviderFailure =
  | { readonly class: 'unavailable' }
  | { readonly class: 'busy' }
  | {
      readonly class: 'rejected';
      readonly providerCodes: readonly string[];
      /** The card takes no part in 3DS: a result (no liability shift), not an error. */
      readonly cardNotEnrolled: boolean;
      /** The session is already past the step the request was for. */
      readonly sessionMovedOn: boolean;
    }
  | { readonly class: 'outcome_unknown' }
  | { readonly class: 'not_found' };

export type ProviderFailureClass = ProviderFailure['class'];

/**
 * A provider's circuit breaker (docs/circuit-breaker.md): `closed` lets calls through, `open`
 * refuses them after repeated failures, `half_open` has let one probe through and refuses the
 * rest until it answers.
 */
export const CIRCUIT_STATES = ['closed', 'half_open', 'open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/** Whether a call to a provider would be let through now. */
export interface ProviderAvailability {
  readonly circuit: CircuitState;
  /** A call now goes through: the circuit is closed, or it is open and due for its probe. */
  readonly available: boolean;
  /** When not available: seconds until a call may be tried again. */
  readonly retryAfterSeconds?: number;
}

const ALWAYS_AVAILABLE: ProviderAvailability = { circuit: 'closed', available: true };

/**
 * How long one update of a provider session may take, end to end (token, call, retries and the
 * read that reconciles an ambiguous answer): the claim on the row that keeps updates one at a
 * time outlasts `holdMs`; a concurrent update waits `waitMs` for it before giving up (409).
 */
export interface UpdateWindow {
  readonly holdMs: number;
  readonly waitMs: number;
}

/**
 * The port to a 3DS provider, in the domain's words. Failures are thrown as DomainErrors (their
 * codes are the public API's); `failureOf` names their class.
 */
export abstract class ThreeDsProvider {
  /**
   * Stored with each authentication (`provider`): which provider runs its session. An adapter
   * THREEDS_PROVIDER may name goes by its PROVIDER_NAMES entry.
   */
  abstract readonly name: string;

  /** The channels this provider account may authenticate on (its credentials' scopes). */
  abstract readonly channels: readonly ProviderChannel[];

  /**
   * What it can do where providers differ (docs/routing.md#capabilities): a create that needs
   * what its routed provider lacks is refused before anything is recorded.
   */
  abstract readonly capabilities: ProviderCapabilities;

  abstract readonly updateWindow: UpdateWindow;

  /**
   * The processing channels (the provider's merchant accounts) `team` may create on, its default
   * first; none: only the provider's own default.
   */
  abstract processingChannelsOf(team: string): readonly string[];

  /** Starts a session. Never retried blindly: a provider may offer no idempotency for it. */
  abstract createSession(
    team: string,
    request: SessionRequest,
    urls: ProviderReturnUrls,
    context: ProviderSessionContext,
  ): Promise<CreatedProviderSession>;

  /** The session as the provider sees it now, with the result fields and the cryptogram. */
  abstract readSession(
    providerSessionId: string,
    context: ProviderSessionContext,
    hint?: ReadHint,
  ): Promise<ProviderSnapshot>;

  abstract submitChannelData(
    providerSessionId: string,
    data: ChannelData,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot>;

  abstract reportMethodCompletion(
    providerSessionId: string,
    completion: MethodCompletion,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot>;

  /** Tells the provider the result was received; it resolves once that is confirmed. */
  abstract complete(providerSessionId: string): Promise<void>;

  /** The class of an error this provider's calls threw; null for one that is not theirs. */
  abstract failureOf(error: unknown): ProviderFailure | null;

  /**
   * Asked before anything is recorded for a create (and, later, by routing to pick a fallback):
   * an adapter alone always answers available; the breaker that wraps it knows better.
   */
  availability(): ProviderAvailability {
    return ALWAYS_AVAILABLE;
  }
}

/**
 * Every provider the service has an adapter for, each behind its circuit breaker, by name. The
 * flow asks it for the provider an authentication's row names (`provider`), never for a
 * configured one, so an authentication never changes provider mid-flow.
 */
export abstract class ThreeDsProviders {
  /** THREEDS_PROVIDER: where a team without a routing policy creates. */
  abstract readonly defaultName: string;
  abstract readonly names: readonly string[];
  /** The provider `name` names; throws for a name the service has no adapter for. */
  abstract of(name: string): ThreeDsProvider;
}

/** ThreeDsProviders over a fixed list (the registry's, or a spec's test doubles). */
export class ProviderSet extends ThreeDsProviders {
  readonly names: readonly string[];
  private readonly byName: ReadonlyMap<string, ThreeDsProvider>;

  constructor(
    providers: readonly ThreeDsProvider[],
    readonly defaultName: string,
  ) {
    super();
    this.byName = new Map(providers.map((provider) => [provider.name, provider]));
    this.names = [...this.byName.keys()];
    if (!this.byName.has(defaultName)) throw new Error(`no adapter for provider ${defaultName}`);
  }

  of(name: string): ThreeDsProvider {
    const provider = this.byName.get(name);
    if (!provider) throw new Error(`no adapter for provider ${name}`);
    return provider;
  }
}

/** Every provider's circuit by provider name, for operators (`/health/ready`). */
export abstract class ProviderCircuits {
  abstract availabilities(): Readonly<Record<string, ProviderAvailability>>;
}
