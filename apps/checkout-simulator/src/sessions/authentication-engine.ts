import { SimulatorClock } from '@app/simulator-kit';
import { Inject, Injectable } from '@nestjs/common';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { applyError, applyResult } from './authentication-results.js';
import { acsEphemeralKey, directoryServer } from './directory-servers.js';
import { newCryptogram, newUuid } from './identifiers.js';
import { cardKindOf, decideAsIssuer, indicatorOf, type IssuerDecision } from './issuer-decision.js';
import { deviceElements, riskChallenges } from './issuer-risk.js';
import { IssuerSettings } from './issuer-settings.js';
import { plausibleSdkData } from './sdk-data.js';
import type { TransStatus } from './scenarios.js';
import { SessionStore } from './session.store.js';
import {
  nextActionsWhileWaiting,
  type ChallengeResult,
  type Channel,
  type SimulatedSession,
} from './simulated-session.js';

export type { ChallengeResult } from './simulated-session.js';

/** EMV transStatusReason 21: 3RI transaction not supported. */
const THREE_RI_NOT_SUPPORTED = '21';

/**
 * The issuer side of the simulation: what the DS and ACS answer for a session's scenario. Each
 * method moves the session as Checkout would; callers have already checked auth and state.
 */
@Injectable()
export class AuthenticationEngine {
  constructor(
    private readonly clock: SimulatorClock,
    private readonly store: SessionStore,
    private readonly issuer: IssuerSettings,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  /** AReq/ARes (or 3DS1 VEReq/VERes) once channel data is in. */
  authenticate(session: SimulatedSession, channel: Channel, data: Record<string, unknown>): void {
    const { scenario } = session;
    const now = this.clock.now();
    session.channel = channel;
    session.ds ??= directoryServer(scenario.scheme);
    session.threeDsMethodCompletion ??= 'U';
    session.xid = session.transactionId;
    if (scenario.flow === '3ds1') {
      return channel === 'app'
        ? applyError(session, 'veres_error', now)
        : this.downgradeTo3ds1(session);
    }
    if (channel === 'app') {
      session.sdkTransactionId = data.sdk_transaction_id as string;
      if (!plausibleSdkData(data)) {
        // The DS cannot read the device data: U without an ACS, as Checkout's sandbox answers.
        session.acs = undefined;
        return applyResult(session, 'U', 'ares_status', now);
      }
    }
    session.acs = this.newAcs(channel);
    if (channel === 'merchant_initiated') {
      return this.authenticateWithoutCardholder(session);
    }
    const decision = this.decide(session, channel);
    if (decision.path === 'challenge') {
      return this.issueChallenge(session, channel, decision.mandated);
    }
    if (scenario.outcome === 'ds_error' && scenario.flow === 'frictionless') {
      session.acs = undefined;
      return applyError(session, 'ares_error', now);
    }
    if (scenario.flow === 'challenge') {
      return this.issueChallenge(session, channel, true);
    }
    session.flowType = 'frictionless';
    if (decision.path === 'informational') {
      return applyResult(session, 'I', 'ares_status', now, { exemption: decision.applied });
    }
    applyResult(session, scenario.outcome as TransStatus, 'ares_status', now);
  }

  /** The RReq after the cardholder answered (or left) the ACS challenge page. */
  finishChallenge(session: SimulatedSession, result: ChallengeResult): void {
    const now = this.clock.now();
    const threeDs1 = session.protocolVersion.startsWith('1.');
    if (result === 'cancelled') {
      return this.abandon(session, 'cardholder_cancel', '01');
    }
    session.challenged = true;
    session.flowType = 'challenged';
    session.challengeDeadline = undefined;
    const outcome = result === 'wrong_password' ? 'N' : session.scenario.outcome;
    const reason = threeDs1 ? 'pares_status' : 'rreq_status';
    if (outcome === 'ds_error') {
      return applyError(session, threeDs1 ? 'pares_error' : 'rreq_error', now);
    }
    // 3DS1 has no EMV transStatus; Checkout reports response_code for 3DS2 only
    // (docs/checkout-sessions.md#session-response).
    applyResult(session, outcome as TransStatus, reason, now, { reportTransStatus: !threeDs1 });
    if (threeDs1) session.xid = newCryptogram();
  }

  /** The cardholder left the hosted page before any challenge (its cancel link). */
  cancelHosted(session: SimulatedSession): void {
    this.abandon(session, 'cardholder_cancel', '01');
  }

  /** The transStatus the RReq for this answer will carry, which the CRes announces first. */
  challengeTransStatus(session: SimulatedSession, result: ChallengeResult): TransStatus {
    if (result !== 'authenticated') return 'N';
    const { outcome } = session.scenario;
    return outcome === 'ds_error' ? 'U' : (outcome as TransStatus);
  }

  /** No answer from the cardholder before the ACS gave up (challenge time-out). */
  abandonUnansweredChallenge(session: SimulatedSession): void {
    this.abandon(session, 'challenge_timed_out', '04');
  }

  expire(session: SimulatedSession): void {
    session.status = 'expired';
    session.statusReason = undefined;
    session.nextActions = [];
    session.challengeDeadline = undefined;
  }

  /** The RReq of an abandoned challenge carries transStatus N with a challengeCancel code. */
  private abandon(session: SimulatedSession, reason: string, code: string): void {
    session.challenged = true;
    session.flowType = 'challenged';
    session.challengeDeadline = undefined;
    session.responseCode = session.protocolVersion.startsWith('1.') ? undefined : 'N';
    session.responseStatusReason = undefined;
    session.status = 'challenge_abandoned';
    session.statusReason = 'rreq_status';
    // Nothing to hand over: Checkout refuses `complete` here (docs/checkout-sessions.md#callbacks).
    session.nextActions = [];
    if (session.acs) {
      session.acs.challenge_cancel_reason = reason;
      session.acs.challenge_cancel_reason_code = code;
    }
  }

  /**
   * 3RI: no cardholder, so the ACS can never challenge. A card whose issuer would challenge
   * answers U with transStatusReason 21, "3RI transaction not supported"
   * (docs/checkout-sessions.md#merchant-initiated-3ri); the others answer as frictionless.
   */
  private authenticateWithoutCardholder(session: SimulatedSession): void {
    const now = this.clock.now();
    const { scenario } = session;
    session.flowType = 'frictionless';
    session.acs!.interface = undefined;
    if (scenario.outcome === 'ds_error' && scenario.flow === 'frictionless') {
      session.acs = undefined;
      return applyError(session, 'ares_error', now);
    }
    if (scenario.flow === 'challenge') {
      applyResult(session, 'U', 'ares_status', now);
      session.responseStatusReason = THREE_RI_NOT_SUPPORTED;
      return;
    }
    applyResult(session, scenario.outcome as TransStatus, 'ares_status', now);
  }

  /**
   * The issuer model's answer to the request's `challenge_indicator` for this card
   * (docs/simulator-issuer-model.md), with the data-driven draw when that mode is on.
   */
  private decide(session: SimulatedSession, channel: Channel): IssuerDecision {
    const { request } = session;
    const card = cardKindOf(session.scenario);
    const settings = this.issuer.values;
    const riskChallenge =
      settings.dataDrivenChallenges &&
      card === 'frictionless_y' &&
      riskChallenges(
        [...session.dataElements, ...deviceElements(channel, session.threeDsMethodCompletion)],
        settings.riskSeed,
        [request.reference, request.amount, request.currency, session.card.fingerprint],
      );
    const prior = request.initial_transaction as { authentication_method?: unknown } | undefined;
    return decideAsIssuer({
      indicator: indicatorOf(request.challenge_indicator),
      card,
      amount: request.amount,
      currency: request.currency,
      priorChallenge: prior?.authentication_method === 'challenge_occurred',
      riskChallenge,
    });
  }

  /** `mandated` is EMV acsChallengeMandated: false when the challenge is only a preference. */
  private issueChallenge(session: SimulatedSession, channel: Channel, mandated: boolean): void {
    const acs = session.acs!;
    session.status = 'challenged';
    session.statusReason = 'ares_status';
    session.responseCode = 'C';
    session.nextActions = nextActionsWhileWaiting(session, 'challenge_cardholder');
    session.challengeDeadline = this.clock.now() + this.config.challengeTtlSeconds * 1000;
    acs.challenge_mandated = mandated;
    acs.authentication_type = '02';
    if (channel === 'app') {
      acs.interface = 'native_ui';
      acs.signed_content = signedContent(`${this.config.publicUrl}/acs/app`);
      session.acsCounter = 0;
    } else {
      acs.interface = 'html';
      acs.url = `${this.config.publicUrl}/acs/challenge`;
      session.challengeRequest = Buffer.from(
        JSON.stringify({
          threeDSServerTransID: session.transactionId,
          acsTransID: acs.transaction_id,
          messageType: 'CReq',
          messageVersion: session.protocolVersion,
          challengeWindowSize: '05',
        }),
      ).toString('base64url');
    }
    this.store.indexAcsTransaction(acs.transaction_id, session.id);
  }

  private downgradeTo3ds1(session: SimulatedSession): void {
    session.protocolVersion = '1.0.2';
    session.status = 'challenged';
    session.statusReason = 'veres_status';
    session.nextActions = nextActionsWhileWaiting(session, 'authenticate');
    session.challengeDeadline = this.clock.now() + this.config.challengeTtlSeconds * 1000;
    session.pareq = Buffer.from(
      JSON.stringify({
        sid: session.id,
        xid: session.transactionId,
        amount: session.request.amount,
      }),
    ).toString('base64');
  }

  private newAcs(channel: Channel): NonNullable<SimulatedSession['acs']> {
    return {
      reference_number: '3DS_LOA_ACS_SIMU_020200_00001',
      transaction_id: newUuid(),
      operator_id: 'ACS-SIMULATOR',
      challenge_mandated: false,
      interface: channel === 'app' ? 'native_ui' : 'html',
    };
  }
}

/**
 * A JWS-shaped `acs.signed_content` for app challenges: the EMV payload names the ACS URL the
 * SDK sends its CReqs to and the ACS's ephemeral key (the simulator signs nothing real, and its
 * ACS takes CReqs in clear).
 */
function signedContent(acsUrl: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { acsURL: acsUrl, acsEphemPubKey: acsEphemeralKey() };
  return `${part({ alg: 'ES256' })}.${part(payload)}.${Buffer.from('simulator').toString('base64url')}`;
}
