import {
  decodeJson,
  encodeJson,
  autoPost,
  escapeHtml,
  isHttpUrl,
  page,
  passwordForm,
} from '@app/simulator-kit';
import { Body, Controller, Header, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  CHALLENGE_NOTIFICATION_PATH,
  METHOD_NOTIFICATION_PATH,
} from '../authentications/answers.js';
import {
  AuthenticationEngine,
  type ChallengeAnswer,
} from '../authentications/authentication-engine.js';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../config/adyen-simulator.config.js';

type Form = Record<string, string | undefined>;

/** Adyen's documented test password for browser challenges (docs/adyen-authentication.md#test-cards). */
export const BROWSER_CHALLENGE_PASSWORD = 'password';

/**
 * The issuer's pages as a browser meets them: the 3DS Method (EMV 3DS §5.8) and the ACS
 * challenge (CReq in, CRes posted to the notification URL), plus the stand-ins for Adyen's own
 * notification pages named in tokens when the caller gives none.
 */
@Controller()
export class AcsController {
  constructor(
    private readonly engine: AuthenticationEngine,
    @Inject(adyenSimulatorConfig.KEY) private readonly config: AdyenSimulatorConfig,
  ) {}

  @Post('acs/3ds-method')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  threeDsMethod(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const data = decodeJson(form?.threeDSMethodData);
    const notificationUrl = data?.threeDSMethodNotificationURL;
    const transactionId = data?.threeDSServerTransID;
    if (typeof transactionId !== 'string' || !isHttpUrl(notificationUrl)) {
      void reply.status(400);
      return page('3DS Method', '<p>Invalid threeDSMethodData.</p>');
    }
    this.engine.recordThreeDsMethod(transactionId);
    const answer = encodeJson({ threeDSServerTransID: transactionId });
    return autoPost('3DS Method', notificationUrl, { threeDSMethodData: answer });
  }

  @Post('acs/challenge')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  challenge(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const creq = decodeJson(form?.creq);
    const authentication = this.engine.openChallenge(creq?.acsTransID);
    if (!authentication || creq?.threeDSServerTransID !== authentication.threeDSServerTransID) {
      void reply.status(400);
      return page('Authentication', '<p>This challenge is unknown or no longer open.</p>');
    }
    const { value, currency } = authentication.amount;
    return passwordForm(
      'Verify your purchase',
      `${this.config.publicUrl}/acs/challenge/answer`,
      `Amount ${value} ${currency}. Enter your password.`,
      {
        acsTransID: authentication.acsTransID,
        threeDSSessionData: form.threeDSSessionData ?? '',
      },
    );
  }

  @Post('acs/challenge/answer')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  answer(@Body() form: Form, @Res({ passthrough: true }) reply: FastifyReply): string {
    const authentication = this.engine.openChallenge(form?.acsTransID);
    if (!authentication) {
      void reply.status(400);
      return page('Authentication', '<p>This challenge is unknown or no longer open.</p>');
    }
    const result = this.engine.answerChallenge(authentication, answerOf(form));
    const cres = encodeJson({
      threeDSServerTransID: authentication.threeDSServerTransID,
      acsTransID: authentication.acsTransID,
      messageType: 'CRes',
      messageVersion: authentication.messageVersion,
      transStatus: result.transStatus,
      challengeCompletionInd: 'Y',
    });
    const target =
      authentication.notificationUrl ?? `${this.config.publicUrl}${CHALLENGE_NOTIFICATION_PATH}`;
    return autoPost('Authentication', target, {
      cres,
      ...(form.threeDSSessionData ? { threeDSSessionData: form.threeDSSessionData } : {}),
    });
  }

  @Post(METHOD_NOTIFICATION_PATH.slice(1))
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  methodNotification(): string {
    return page('3DS Method', '<p id="result">3DS Method completed.</p>');
  }

  @Post(CHALLENGE_NOTIFICATION_PATH.slice(1))
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  challengeNotification(@Body() form: Form): string {
    const transStatus = String(decodeJson(form?.cres)?.transStatus);
    return page(
      'Authentication',
      `<p id="result">Challenge completed: ${escapeHtml(transStatus)}.</p>`,
    );
  }
}

function answerOf(form: Form): ChallengeAnswer {
  if (form.action === 'cancel') return 'cancelled';
  return form.password === BROWSER_CHALLENGE_PASSWORD ? 'authenticated' : 'wrong_password';
}
