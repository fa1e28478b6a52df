import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthenticationEngine, type ChallengeResult } from '../sessions/authentication-engine.js';
import { CHALLENGE_PASSWORD } from '../sessions/scenarios.js';
import { SessionLifecycle } from '../sessions/session-lifecycle.js';
import { SessionStore } from '../sessions/session.store.js';
import type { SimulatedSession } from '../sessions/simulated-session.js';

type Json = Record<string, unknown>;

/** EMV error codes the simulated ACS answers with (EMV 3DS Table A.4). */
const MESSAGE_INVALID = '203';
const TRANSACTION_UNKNOWN = '301';

/**
 * The issuer's ACS as an app's 3DS SDK meets it: CReq in, CRes out, at the `acsURL` named in
 * `acs.signed_content`. A first CReq gets the text challenge screen; `challengeDataEntry` with
 * the sandbox password authenticates (the card's outcome), another value fails (N), and
 * `challengeCancel` abandons it, as on the browser page. The final CRes also sends the RReq:
 * the session reaches its final status. Messages travel in clear (EMV encrypts them with keys
 * agreed from `acsEphemPubKey`; the simulator skips that).
 */
@Controller('acs/app')
export class AcsAppController {
  constructor(
    private readonly store: SessionStore,
    private readonly engine: AuthenticationEngine,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  @Post()
  @HttpCode(200)
  challenge(@Body() creq: unknown, @Res({ passthrough: true }) reply: FastifyReply): Json {
    try {
      return this.answer(creq);
    } catch (error) {
      if (!(error instanceof AcsRefusal)) throw error;
      // Not Checkout's error shape: this is the issuer's ACS speaking EMV.
      void reply.status(400);
      return error.erro;
    }
  }

  private answer(creq: unknown): Json {
    const message = isCreq(creq) ? creq : refuse(MESSAGE_INVALID, 'not a CReq', creq);
    const session = this.challengedSession(message);
    const result = challengeResult(message);
    if (result) {
      this.engine.finishChallenge(session, result);
      this.lifecycle.moved(session);
      return {
        ...cres(session, message),
        transStatus: session.responseCode ?? 'U',
        challengeCompletionInd: 'Y',
      };
    }
    return {
      ...cres(session, message),
      acsUiType: '01',
      challengeCompletionInd: 'N',
      challengeInfoHeader: 'Verify your purchase',
      challengeInfoText: `Amount ${session.request.amount ?? 0} ${session.request.currency}.`,
      challengeInfoLabel: 'Password',
      submitAuthenticationLabel: 'Submit',
    };
  }

  private challengedSession(creq: Json): SimulatedSession {
    const session = this.store.findByAcsTransaction(creq.acsTransID as string);
    if (
      !session ||
      session.channel !== 'app' ||
      creq.threeDSServerTransID !== session.transactionId ||
      creq.sdkTransID !== session.sdkTransactionId
    ) {
      return refuse(TRANSACTION_UNKNOWN, 'acsTransID', creq);
    }
    this.lifecycle.catchUp(session);
    if (session.status !== 'challenged') {
      return refuse(TRANSACTION_UNKNOWN, 'challenge no longer open', creq);
    }
    return session;
  }
}

function isCreq(body: unknown): body is Json {
  if (typeof body !== 'object' || body === null) return false;
  const creq = body as Json;
  return (
    creq.messageType === 'CReq' &&
    ['acsTransID', 'threeDSServerTransID', 'sdkTransID', 'messageVersion'].every(
      (field) => typeof creq[field] === 'string',
    )
  );
}

function challengeResult(creq: Json): ChallengeResult | undefined {
  if (creq.challengeCancel !== undefined) return 'cancelled';
  if (creq.challengeDataEntry === undefined) return undefined;
  return creq.challengeDataEntry === CHALLENGE_PASSWORD ? 'authenticated' : 'wrong_password';
}

function cres(session: SimulatedSession, creq: Json): Json {
  const counter = session.acsCounter ?? 0;
  session.acsCounter = counter + 1;
  return {
    messageType: 'CRes',
    messageVersion: session.protocolVersion,
    threeDSServerTransID: session.transactionId,
    acsTransID: session.acs!.transaction_id,
    sdkTransID: creq.sdkTransID,
    acsCounterAtoS: String(counter).padStart(3, '0'),
  };
}

/** An EMV Erro message, answered with HTTP 400 so a caller cannot mistake it for a CRes. */
class AcsRefusal extends Error {
  constructor(readonly erro: Json) {
    super(String(erro.errorDetail));
  }
}

function refuse(errorCode: string, errorDetail: string, creq: unknown): never {
  const ids = typeof creq === 'object' && creq !== null ? (creq as Json) : {};
  throw new AcsRefusal({
    messageType: 'Erro',
    messageVersion: typeof ids.messageVersion === 'string' ? ids.messageVersion : '2.2.0',
    errorCode,
    errorComponent: 'A',
    errorDescription:
      errorCode === TRANSACTION_UNKNOWN ? 'Transaction ID not recognised' : 'Invalid message',
    errorDetail,
    ...(typeof ids.acsTransID === 'string' ? { acsTransID: ids.acsTransID } : {}),
    ...(typeof ids.sdkTransID === 'string' ? { sdkTransID: ids.sdkTransID } : {}),
  });
}
