import { SimulatorClock } from '@app/simulator-kit';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Caller } from '../auth/caller.js';
import { CallerResolver } from '../auth/caller.js';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { RequestValidator } from '../contract/request-validator.js';
import { CallbackSender } from '../delivery/callback.sender.js';
import { CheckoutError } from '../http/checkout-error.js';
import type { SessionScope } from '../oauth/access-token.service.js';
import { AuthenticationEngine } from './authentication-engine.js';
import { directoryServer } from './directory-servers.js';
import {
  cardFingerprint,
  newInstrumentId,
  newSessionId,
  newSessionSecret,
  newUuid,
} from './identifiers.js';
import { SessionLifecycle } from './session-lifecycle.js';
import { renderSession } from './session-view.js';
import { requestElements } from './issuer-risk.js';
import { scenarioFor, type CardScheme } from './scenarios.js';
import { SessionStore } from './session.store.js';
import {
  isFinal,
  type Channel,
  type Completion,
  type EchoedRequest,
  type SimulatedSession,
} from './simulated-session.js';

type Json = Record<string, unknown>;

export interface Rendered {
  readonly status: number;
  readonly body?: Json;
}

/** Checkout's Sessions endpoints: auth, state rules and responses; the issuer side is the engine. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly store: SessionStore,
    private readonly engine: AuthenticationEngine,
    private readonly lifecycle: SessionLifecycle,
    private readonly callers: CallerResolver,
    private readonly validator: RequestValidator,
    private readonly callbacks: CallbackSender,
    private readonly clock: SimulatorClock,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  create(caller: Caller, rawBody: unknown): Rendered {
    if (caller.kind !== 'oauth') throw CheckoutError.unauthorized();
    const request = this.validator.sessionRequest(rawBody);
    assertProcessingChannel(request.processing_channel_id as string | undefined, this.config);
    const channelData = request.channel_data as Json | undefined;
    const channel = channelData?.channel as Channel | undefined;
    const completion = request.completion as Completion;
    const scope = sessionScope(caller.scopes, channel);
    if (channel === 'browser' && !caller.scopes.includes('sessions:browser')) {
      throw CheckoutError.notAllowed('operation_not_allowed_for_scope');
    }
    if (channel === 'app' && completion.type === 'hosted') {
      throw CheckoutError.notAllowed('hosted_not_supported_for_app');
    }
    const source = request.source as Json;
    const cardNumber = (source.number ??
      (source.type === 'network_token' ? source.token : undefined)) as string | undefined;
    const scenario = scenarioFor(
      cardNumber,
      source.scheme as CardScheme | undefined,
      request.amount as number | undefined,
    );
    if (scenario.outcome === 'card_not_enrolled' || scenario.outcome === 'issuer_not_enrolled') {
      throw CheckoutError.notAllowed(scenario.outcome);
    }
    if (scenario.flow === '3ds1' && !request.amount) {
      // 3DS1 needs an amount; without 3DS2 enrolment there is nothing else to run
      // (docs/checkout-sessions.md#3ds1-fallback).
      throw CheckoutError.notAllowed('card_not_enrolled');
    }
    if (channel === 'merchant_initiated') refuse3riOn3ds1(scenario.flow === '3ds1');
    const now = this.clock.now();
    const session: SimulatedSession = {
      id: newSessionId(),
      secret: newSessionSecret(),
      transactionId: newUuid(),
      createdAt: now,
      expiresAt: now + this.config.sessionTtlSeconds * 1000,
      scenario,
      scope,
      request: echoedFields(request),
      completion,
      card: {
        instrument_id: newInstrumentId(),
        fingerprint: cardFingerprint(
          createHash('sha256')
            .update(String(cardNumber ?? source.id ?? source.token))
            .digest('hex'),
        ),
        metadata: { card_type: 'CREDIT', card_category: 'CONSUMER', issuer_country: 'GB' },
      },
      dataElements: requestElements(request),
      status: 'pending',
      nextActions: initialNextActions(
        completion,
        scenario.threeDsMethodUrl && scope === 'sessions:browser',
      ),
      protocolVersion: scenario.flow === '3ds1' ? '1.0.2' : '2.2.0',
      // Known from the card range at once: an app's SDK needs ds_id before it sends device data.
      ds: directoryServer(scenario.scheme),
      challenged: false,
      completed: false,
      busy: false,
    };
    this.store.add(session);
    this.lifecycle.started(session);
    if (!channelData) {
      return {
        status: 202,
        body: renderSession(session, caller, this.config.publicUrl, 'accepted'),
      };
    }
    session.threeDsMethodCompletion =
      channelData.three_ds_method_completion as SimulatedSession['threeDsMethodCompletion'];
    this.engine.authenticate(session, channel!, channelData);
    this.lifecycle.moved(session);
    return { status: 201, body: renderSession(session, caller, this.config.publicUrl, 'created') };
  }

  get(caller: Caller, id: string, channelHeader: string | undefined): Rendered {
    const session = this.accessible(caller, id);
    const nextActions =
      channelHeader === 'app'
        ? session.nextActions.filter((action) => action !== 'issuer_fingerprint')
        : session.nextActions;
    return {
      status: 200,
      body: renderSession(session, caller, this.config.publicUrl, 'get', nextActions),
    };
  }

  collectData(caller: Caller, id: string, rawBody: unknown): Rendered {
    const session = this.accessible(caller, id);
    const data = this.validator.channelData(rawBody);
    const channel = data.channel as Channel;
    if (
      channel === 'browser' &&
      caller.kind === 'oauth' &&
      !caller.scopes.includes('sessions:browser')
    ) {
      throw CheckoutError.notAllowed('operation_not_allowed_for_scope');
    }
    return this.exclusively(session, () => {
      if (session.status !== 'pending')
        throw CheckoutError.notAllowed('update_not_allowed_due_to_state');
      if (channel === 'merchant_initiated') refuse3riOn3ds1(session.protocolVersion === '1.0.2');
      if (channel === 'browser' && data.three_ds_method_completion !== undefined) {
        session.threeDsMethodCompletion = data.three_ds_method_completion as 'Y' | 'N' | 'U';
      }
      this.engine.authenticate(session, channel, data);
      this.lifecycle.moved(session);
      return { status: 200, body: renderSession(session, caller, this.config.publicUrl, 'get') };
    });
  }

  issuerFingerprint(caller: Caller, id: string, rawBody: unknown): Rendered {
    const session = this.accessible(caller, id);
    const { three_ds_method_completion: completion } =
      this.validator.threeDsMethodCompletion(rawBody);
    if (caller.kind === 'oauth' && !caller.scopes.includes('sessions:browser')) {
      throw CheckoutError.notAllowed('operation_not_allowed_for_scope');
    }
    if (session.scope === 'sessions:app') {
      throw CheckoutError.unprocessable(['three_ds_method_not_supported_for_app']);
    }
    return this.exclusively(session, () => {
      if (session.status !== 'pending')
        throw CheckoutError.notAllowed('update_not_allowed_due_to_state');
      if (!session.scenario.threeDsMethodUrl && completion !== 'U') {
        throw CheckoutError.unprocessable(['three_ds_method_not_supported_without_url']);
      }
      session.threeDsMethodCompletion = completion as 'Y' | 'N' | 'U';
      session.nextActions = session.nextActions.filter((action) => action !== 'issuer_fingerprint');
      return {
        status: 200,
        body: renderSession(session, caller, this.config.publicUrl, 'fingerprint'),
      };
    });
  }

  async complete(caller: Caller, id: string): Promise<Rendered> {
    const session = this.accessible(caller, id);
    if (session.busy)
      throw new CheckoutError(409, 'duplicate_requests_detected', ['session_already_in_use']);
    if (
      !isFinal(session) ||
      session.status === 'expired' ||
      session.status === 'challenge_abandoned' ||
      session.completed ||
      session.completion.type === 'hosted'
    ) {
      throw CheckoutError.notAllowed('update_not_allowed_due_to_state');
    }
    session.busy = true;
    try {
      const url = session.completion.callback_url;
      if (url && !(await this.callbacks.send(session, url))) {
        // The failure reaches the `complete` caller synchronously
        // (docs/checkout-sessions.md#callbacks); 502 because the merchant's endpoint, not the
        // request, failed (Checkout's status code is undocumented).
        throw new CheckoutError(502, 'callback_failed', ['session_callback_failed']);
      }
      session.completed = true;
      session.nextActions = [];
      return { status: 204 };
    } finally {
      session.busy = false;
    }
  }

  private accessible(caller: Caller, id: string): SimulatedSession {
    const session = this.store.get(id);
    this.callers.assertMayAccess(caller, session);
    this.lifecycle.catchUp(session);
    return session;
  }

  /**
   * Checkout refuses parallel actions on one session with 409
   * (docs/checkout-sessions.md#idempotency-and-concurrency).
   */
  private exclusively(session: SimulatedSession, update: () => Rendered): Rendered {
    if (session.busy)
      throw new CheckoutError(409, 'duplicate_requests_detected', ['session_already_in_use']);
    session.busy = true;
    try {
      return update();
    } finally {
      session.busy = false;
    }
  }
}

/**
 * Required unless the key is bound to a processing channel, and one of the entity's
 * (docs/checkout-sessions.md#create-request; the code for an unknown one is unconfirmed).
 */
function assertProcessingChannel(
  requested: string | undefined,
  config: Pick<SimulatorConfig, 'boundProcessingChannel' | 'entityProcessingChannels'>,
): void {
  if (requested === undefined && !config.boundProcessingChannel) {
    throw CheckoutError.unprocessable(['processing_channel_id_required']);
  }
  const known = config.entityProcessingChannels;
  if (requested !== undefined && known && !known.includes(requested)) {
    throw CheckoutError.unprocessable(['processing_channel_id_invalid']);
  }
}

/** What the session keeps of the request: no card data, nothing Checkout does not echo. */
function echoedFields(request: Json): EchoedRequest {
  const {
    source: _source,
    channel_data: _channelData,
    completion: _completion,
    ...echoed
  } = request;
  // The schema check already required `currency`.
  return echoed as EchoedRequest;
}

/** 3RI is an EMV 3DS 2 message category: the 3DS1 protocol has none. */
function refuse3riOn3ds1(threeDs1: boolean): void {
  if (threeDs1) {
    throw CheckoutError.unprocessable(['merchant_initiated_request_not_supported_by_3ds_protocol']);
  }
}

function sessionScope(scopes: readonly SessionScope[], channel: Channel | undefined): SessionScope {
  if (channel === 'app') return 'sessions:app';
  return scopes.includes('sessions:browser') ? 'sessions:browser' : 'sessions:app';
}

function initialNextActions(
  completion: Completion,
  fingerprint: boolean,
): SimulatedSession['nextActions'] {
  if (completion.type === 'hosted') return ['redirect_cardholder'];
  return fingerprint ? ['collect_channel_data', 'issuer_fingerprint'] : ['collect_channel_data'];
}
