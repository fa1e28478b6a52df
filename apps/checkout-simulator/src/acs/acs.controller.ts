import {
  autoPost,
  decodeJson,
  encodeJson,
  isHttpUrl,
  page,
  passwordForm,
} from '@app/simulator-kit';
import { Body, Controller, Header, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { AuthenticationEngine, type ChallengeResult } from '../sessions/authentication-engine.js';
import { CHALLENGE_PASSWORD } from '../sessions/scenarios.js';
import { RreqTiming } from '../sessions/rreq-timing.js';
import { SessionLifecycle } from '../sessions/session-lifecycle.js';
import { SessionStore } from '../sessions/session.store.js';
import type { SimulatedSession } from '../sessions/simulated-session.js';
import { hostedExitUrl, seeOther } from '../hosted/hosted-exit.js';

type Form = Record<string, string | undefined>;

/**
 * The issuer's pages, as a browser meets them: the 3DS Method (EMV 3DS §5.8) and the ACS
 * challenge (CReq in, CRes out to the notification URL). 3DS1 lives in Acs3ds1Controller.
 */
@Controller('acs')
export class AcsController {
  constructor(
    private readonly store: SessionStore,
    private readonly engine: AuthenticationEngine,
    private readonly lifecycle: SessionLifecycle,
    private readonly rreqTiming: RreqTiming,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  /** Hidden-iframe fingerprinting: posts `threeDSMethodData` back to the requestor's URL. */
  @Post('3ds-method')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  threeDsMethod(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const data = decodeJson(form?.threeDSMethodData);
    const notificationUrl = data?.threeDSMethodNotificationURL;
    if (!data || typeof data.threeDSServerTransID !== 'string' || !isHttpUrl(notificationUrl)) {
      void reply.status(400);
      return page('3DS Method', '<p>Invalid threeDSMethodData.</p>');
    }
    const answer = encodeJson({ threeDSServerTransID: data.threeDSServerTransID });
    return autoPost('3DS Method', notificationUrl, { threeDSMethodData: answer });
  }

  @Post('challenge')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  challenge(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const creq = decodeJson(form?.creq);
    const session = this.challengedSession(creq);
    if (!session) {
      void reply.status(400);
      return page('Authentication', '<p>This challenge is unknown or no longer open.</p>');
    }
    return challengePage(session, this.config.publicUrl, form.threeDSSessionData);
  }

  @Post('challenge/answer')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  answer(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const session = this.challengedSession({ acsTransID: form?.acsTransID });
    if (!session) {
      void reply.status(400);
      return page('Authentication', '<p>This challenge is unknown or no longer open.</p>');
    }
    const result = challengeResult(form);
    this.lifecycle.answered(session, result, this.rreqTiming.delayMs);
    const cres = encodeJson({
      threeDSServerTransID: session.transactionId,
      acsTransID: session.acs!.transaction_id,
      messageType: 'CRes',
      messageVersion: session.protocolVersion,
      transStatus: this.engine.challengeTransStatus(session, result),
      challengeCompletionInd: 'Y',
    });
    const exit = hostedExitUrl(session);
    if (exit) return seeOther(reply, exit);
    const target = session.completion.challenge_notification_url;
    const fields = {
      cres,
      ...(form.threeDSSessionData ? { threeDSSessionData: form.threeDSSessionData } : {}),
    };
    return target ? autoPost('Authentication', target, fields) : resultPage(session);
  }

  private challengedSession(
    creq: Record<string, unknown> | undefined,
  ): SimulatedSession | undefined {
    const acsTransactionId = creq?.acsTransID;
    if (typeof acsTransactionId !== 'string') return undefined;
    const session = this.store.findByAcsTransaction(acsTransactionId);
    if (!session) return undefined;
    if (
      creq?.threeDSServerTransID !== undefined &&
      creq.threeDSServerTransID !== session.transactionId
    ) {
      return undefined;
    }
    this.lifecycle.catchUp(session);
    // An answered challenge is closed even while its RReq is on the way.
    return session.status === 'challenged' && !session.pendingRreq ? session : undefined;
  }
}

/** The ACS's password page for a challenged browser session. */
export function challengePage(
  session: SimulatedSession,
  publicUrl: string,
  threeDSSessionData = '',
): string {
  return passwordForm(
    'Verify your purchase',
    `${publicUrl}/acs/challenge/answer`,
    `Amount ${session.request.amount ?? 0} ${session.request.currency}. Enter your password.`,
    { acsTransID: session.acs!.transaction_id, threeDSSessionData },
  );
}

export function challengeResult(form: Form): ChallengeResult {
  if (form.action === 'cancel') return 'cancelled';
  return form.password === CHALLENGE_PASSWORD ? 'authenticated' : 'wrong_password';
}

/** Checkout's default notification page, used when the session has no notification URL. */
export function resultPage(session: SimulatedSession): string {
  return page('Authentication complete', `<p id="result">Authentication ${session.status}.</p>`);
}
