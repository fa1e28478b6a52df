import { autoPost, page } from '@app/simulator-kit';
import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { challengePage } from '../acs/acs.controller.js';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { AuthenticationEngine } from '../sessions/authentication-engine.js';
import { SessionLifecycle } from '../sessions/session-lifecycle.js';
import { SessionStore } from '../sessions/session.store.js';
import { isFinal, isHosted, type SimulatedSession } from '../sessions/simulated-session.js';
import { hostedExitUrl, seeOther } from './hosted-exit.js';
import { deviceDataPage } from './hosted-page.js';

type Form = Record<string, string | undefined>;

/**
 * Checkout's hosted page for `completion.type: hosted` (the sandbox serves it at
 * `/interceptor/{id}`): it gathers the browser's device data, runs the authentication, shows the
 * issuer's challenge if there is one, and sends the cardholder to `success_url` or `failure_url`.
 */
@Controller('interceptor')
export class HostedPageController {
  constructor(
    private readonly store: SessionStore,
    private readonly engine: AuthenticationEngine,
    private readonly lifecycle: SessionLifecycle,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  @Get(':id')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  show(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    const session = this.hostedSession(id);
    if (!session) return notFound(reply);
    if (session.status === 'pending') return deviceDataPage(this.pageUrl(session));
    return this.continueFrom(session, reply);
  }

  @Post(':id')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  submit(
    @Param('id') id: string,
    @Body() form: Form | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const session = this.hostedSession(id);
    if (!session) return notFound(reply);
    if (session.status === 'pending') {
      if (form?.action === 'cancel') {
        this.engine.cancelHosted(session);
      } else {
        // The simulated issuer decides by card alone; the device data only has to arrive.
        this.engine.authenticate(session, 'browser', form ?? {});
      }
      this.lifecycle.moved(session);
    }
    return this.continueFrom(session, reply);
  }

  /** The page for where the session is: the issuer's challenge, or the merchant's URL. */
  private continueFrom(session: SimulatedSession, reply: FastifyReply): string {
    if (isFinal(session)) return seeOther(reply, hostedExitUrl(session)!);
    if (session.status !== 'challenged') return notFound(reply);
    if (session.pareq) {
      return autoPost('3-D Secure', `${this.config.publicUrl}/acs/3ds1`, {
        PaReq: session.pareq,
        TermUrl: `${this.config.publicUrl}/3ds1/term`,
        MD: session.id,
      });
    }
    return challengePage(session, this.config.publicUrl);
  }

  private hostedSession(id: string): SimulatedSession | undefined {
    const session = this.store.find(id);
    if (!session || !isHosted(session)) return undefined;
    this.lifecycle.catchUp(session);
    return session;
  }

  private pageUrl(session: SimulatedSession): string {
    return `${this.config.publicUrl}/interceptor/${session.id}`;
  }
}

function notFound(reply: FastifyReply): string {
  void reply.status(404);
  return page('Checkout', '<p>This page is unknown or no longer open.</p>');
}
