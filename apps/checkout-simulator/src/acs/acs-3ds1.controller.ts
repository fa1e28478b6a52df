import { autoPost, isHttpUrl, page, passwordForm } from '@app/simulator-kit';
import { Body, Controller, Header, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { AuthenticationEngine } from '../sessions/authentication-engine.js';
import { SessionLifecycle } from '../sessions/session-lifecycle.js';
import { SessionStore } from '../sessions/session.store.js';
import type { SimulatedSession } from '../sessions/simulated-session.js';
import { challengeResult, resultPage } from './acs.controller.js';
import { hostedExitUrl, seeOther } from '../hosted/hosted-exit.js';

type Form = Record<string, string | undefined>;

/**
 * Legacy 3-D Secure 1.0.2: the ACS takes `PaReq`, `TermUrl`, `MD` and posts `PaRes` + `MD` to
 * TermUrl; Checkout's TermUrl (`_links.term_url`) then hands over to the notification URL.
 */
@Controller()
export class Acs3ds1Controller {
  constructor(
    private readonly store: SessionStore,
    private readonly engine: AuthenticationEngine,
    private readonly lifecycle: SessionLifecycle,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  @Post('acs/3ds1')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  acs(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const session = this.pendingSession(form?.PaReq);
    if (!session || !isHttpUrl(form.TermUrl)) {
      void reply.status(400);
      return page('3-D Secure', '<p>Invalid PaReq or TermUrl.</p>');
    }
    return passwordForm(
      '3-D Secure',
      `${this.config.publicUrl}/acs/3ds1/answer`,
      'Enter your password.',
      {
        PaReq: form.PaReq!,
        TermUrl: form.TermUrl,
        MD: form.MD ?? '',
      },
    );
  }

  @Post('acs/3ds1/answer')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  answer(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const session = this.pendingSession(form?.PaReq);
    if (!session || !isHttpUrl(form.TermUrl)) {
      void reply.status(400);
      return page('3-D Secure', '<p>Invalid PaReq or TermUrl.</p>');
    }
    this.engine.finishChallenge(session, challengeResult(form));
    this.lifecycle.moved(session);
    const paRes = Buffer.from(JSON.stringify({ sid: session.id, status: session.status })).toString(
      'base64',
    );
    return autoPost('3-D Secure', form.TermUrl, { PaRes: paRes, MD: form.MD ?? '' });
  }

  /** Checkout's TermUrl: the PaRes is in; continue to the merchant's notification URL. */
  @Post('3ds1/term')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  term(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const paRes = decode(form?.PaRes);
    const session = typeof paRes?.sid === 'string' ? this.store.find(paRes.sid) : undefined;
    if (!session) {
      void reply.status(400);
      return page('3-D Secure', '<p>Invalid PaRes.</p>');
    }
    const exit = hostedExitUrl(session);
    if (exit) return seeOther(reply, exit);
    const target = session.completion.challenge_notification_url;
    return target
      ? autoPost('3-D Secure', target, { PaRes: form.PaRes!, MD: form.MD ?? '' })
      : resultPage(session);
  }

  private pendingSession(pareq: string | undefined): SimulatedSession | undefined {
    const decoded = decode(pareq);
    const session = typeof decoded?.sid === 'string' ? this.store.find(decoded.sid) : undefined;
    if (!session || session.pareq !== pareq) return undefined;
    this.lifecycle.catchUp(session);
    return session.status === 'challenged' ? session : undefined;
  }
}

function decode(value: string | undefined): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(value ?? '', 'base64').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    return undefined;
  }
}
