import { AuthenticationRepository, type AuthenticationEntity } from '@app/persistence';
import { CallbackTokenInvalidError, DomainError, isFinal } from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import { AuthenticationsService } from '../authentications/authentications.service.js';
import { CheckoutSync } from '../authentications/checkout-sync.service.js';
import { isAuthenticationId } from '../http/id.pipe.js';
import { SecretBox } from '../security/secret-box.js';

/** Statuses a callback body may hint at; anything else is recorded as `other`. */
const KNOWN_STATUSES = [
  'approved',
  'attempted',
  'declined',
  'rejected',
  'unavailable',
  'challenge_abandoned',
  'expired',
];

/**
 * Inputs from outside the API: Checkout's callback and the cardholder's browser coming back from
 * the issuer's pages. Their bodies are hints only; the truth is always re-read from Checkout.
 */
@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly authentications: AuthenticationsService,
    private readonly sync: CheckoutSync,
    private readonly secrets: SecretBox,
  ) {}

  /** Checkout's POST to callback_url: the token in the URL authenticates it (no signature exists). */
  async callback(id: string, token: string, body: unknown): Promise<void> {
    if (!isAuthenticationId(id)) throw new CallbackTokenInvalidError();
    const authentication = await this.repository.findById(id);
    if (!authentication || !this.secrets.urlTokenMatches(token, authentication.callbackTokenHash)) {
      throw new CallbackTokenInvalidError();
    }
    const hinted = (body as { status?: unknown } | undefined)?.status;
    await this.repository.recordInput(id, {
      event: 'callback_received',
      source: 'checkout_callback',
      detail: {
        hinted_status:
          typeof hinted === 'string' && KNOWN_STATUSES.includes(hinted) ? hinted : 'other',
      },
    });
    // Results are final once read (with OAuth, before `complete` was sent): nothing to re-read.
    if (!isFinal(authentication.state)) {
      await this.refreshQuietly(authentication, 'checkout_callback');
    }
  }

  /** The issuer's 3DS Method page posted back: fingerprinting completed (threeDSCompInd Y). */
  async methodNotification(id: string, threeDsMethodData: unknown): Promise<void> {
    const authentication = await this.repository.findById(id);
    if (!authentication) return;
    const transactionId = decodeTransactionId(threeDsMethodData);
    if (!transactionId || transactionId !== authentication.result?.three_ds_server_transaction_id) {
      await this.repository.recordInput(id, {
        event: 'method_notification_rejected',
        source: 'method_notification',
      });
      return;
    }
    if (authentication.state !== 'awaiting_issuer_fingerprint') {
      await this.repository.recordInput(id, {
        event: 'method_notification_late',
        source: 'method_notification',
        detail: { state: authentication.state },
      });
      return;
    }
    // The browser only needs a page back; a lost race with the API (which reported first) or a
    // Checkout failure is recorded, and the other triggers carry the flow on.
    await this.authentications
      .fingerprint(authentication, 'Y', 'method_notification')
      .catch(async (error: unknown) => {
        const code = error instanceof DomainError ? error.code : 'UNEXPECTED';
        await this.repository.recordInput(id, {
          event: 'method_notification_failed',
          source: 'method_notification',
          detail: { code },
        });
      });
  }

  /** The ACS posted the CRes (or 3DS1 PaRes) to our challenge notification URL. */
  async challengeNotification(id: string): Promise<AuthenticationEntity | null> {
    const authentication = await this.repository.findById(id);
    if (!authentication) return null;
    await this.repository.recordInput(id, {
      event: 'challenge_notification_received',
      source: 'challenge_notification',
    });
    return this.refreshQuietly(authentication, 'challenge_notification');
  }

  /** A failed re-read is logged, not thrown: the sender gets 2xx and other triggers converge. */
  private async refreshQuietly(
    authentication: AuthenticationEntity,
    source: string,
  ): Promise<AuthenticationEntity> {
    try {
      return await this.sync.refresh(authentication, source);
    } catch (error) {
      this.logger.warn({
        msg: 'checkout re-read failed',
        id: authentication.id,
        source,
        error: String(error),
      });
      return authentication;
    }
  }
}

function decodeTransactionId(encoded: unknown): string | undefined {
  if (typeof encoded !== 'string' || encoded.length > 4096) return undefined;
  try {
    const data = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as {
      threeDSServerTransID?: unknown;
    };
    return typeof data.threeDSServerTransID === 'string' ? data.threeDSServerTransID : undefined;
  } catch {
    return undefined;
  }
}
