import {
  ProviderCircuitOpenError,
  ThreeDsProvider,
  type ChannelData,
  type CreatedProviderSession,
  type MethodCompletion,
  type ProviderAvailability,
  type ProviderCapabilities,
  type ProviderChannel,
  type ProviderFailure,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type ReadHint,
  type ProviderSnapshot,
  type SessionRequest,
  type UpdateWindow,
} from '@app/domain';
import type { ProviderBreaker } from './provider-breaker.js';

/**
 * The port as the flow gets it: an adapter with every call through its provider's circuit
 * breaker (docs/circuit-breaker.md). It translates only: a refused call is a
 * ProviderCircuitOpenError, of class `unavailable`, and the flow decides as for any outage.
 */
export class GuardedProvider extends ThreeDsProvider {
  readonly name: string;
  readonly channels: readonly ProviderChannel[];
  readonly capabilities: ProviderCapabilities;
  readonly updateWindow: UpdateWindow;

  constructor(
    private readonly adapter: ThreeDsProvider,
    private readonly breaker: ProviderBreaker,
  ) {
    super();
    this.name = adapter.name;
    this.channels = adapter.channels;
    this.capabilities = adapter.capabilities;
    this.updateWindow = adapter.updateWindow;
  }

  processingChannelsOf(team: string): readonly string[] {
    return this.adapter.processingChannelsOf(team);
  }

  createSession(
    team: string,
    request: SessionRequest,
    urls: ProviderReturnUrls,
    context: ProviderSessionContext,
  ): Promise<CreatedProviderSession> {
    return this.breaker.run('create_session', () =>
      this.adapter.createSession(team, request, urls, context),
    );
  }

  readSession(
    id: string,
    context: ProviderSessionContext,
    hint?: ReadHint,
  ): Promise<ProviderSnapshot> {
    return this.breaker.run('read_session', () => this.adapter.readSession(id, context, hint));
  }

  submitChannelData(
    id: string,
    data: ChannelData,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    return this.breaker.run('submit_channel_data', () =>
      this.adapter.submitChannelData(id, data, context),
    );
  }

  reportMethodCompletion(
    id: string,
    completion: MethodCompletion,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    return this.breaker.run('report_method_completion', () =>
      this.adapter.reportMethodCompletion(id, completion, context),
    );
  }

  complete(id: string): Promise<void> {
    return this.breaker.run('complete', () => this.adapter.complete(id));
  }

  failureOf(error: unknown): ProviderFailure | null {
    if (error instanceof ProviderCircuitOpenError && error.provider === this.name) {
      return { class: 'unavailable' };
    }
    return this.adapter.failureOf(error);
  }

  override availability(): ProviderAvailability {
    return this.breaker.availability();
  }
}
