import { HostedNotSupportedError, InvalidRequestError } from '@app/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthenticationStarts, type Started } from '../flow/authentication-starts.service.js';
import { SecretBox } from '../security/secret-box.js';
import { authenticationView } from './authentication.view.js';
import type { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { SOURCE_TYPES } from './dto/source.request.dto.js';
import type { IdempotencyClaim, KeyedAnswer } from './idempotency/idempotency-key.js';
import { sealAnswer } from './idempotency/sealed-answers.js';
import { SESSION_SECRET_FIELD } from './provider-fields.js';

/**
 * `POST /v1/authentications`: the request is checked as a whole, then the flow starts the
 * authentication under the request's Idempotency-Key, and the outcome goes back to the
 * interceptor as a value (KeyedAnswer).
 */
@Injectable()
export class AuthenticationsService {
  constructor(
    private readonly starts: AuthenticationStarts,
    private readonly secrets: SecretBox,
  ) {}

  async create(
    team: string,
    request: CreateAuthenticationRequestDto,
    claim: IdempotencyClaim,
  ): Promise<KeyedAnswer> {
    if (!SOURCE_TYPES.includes(request.source.type)) {
      throw new InvalidRequestError('source.type', `must be one of: ${SOURCE_TYPES.join(', ')}`);
    }
    if (request.hosted) assertHostable(request);
    if (request.channel_data && request.channel_data.channel !== request.channel) {
      throw new InvalidRequestError(
        'channel_data.channel',
        `must be ${request.channel}, the same as channel`,
      );
    }
    // The answer kept with the key goes out as it is: rendered again from the row read back, its
    // jsonb fields would have their keys in another order than a replay's.
    let kept: object | undefined;
    const outcome = await this.starts.start(team, request, {
      ...claim,
      answerFor: (started) => {
        kept = answerOf(request, started);
        return { status: HttpStatus.CREATED, body: sealAnswer(kept, this.secrets) };
      },
    });
    switch (outcome.type) {
      case 'key_taken':
      case 'failed':
        return outcome;
      case 'started':
        return outcome.answerKept && kept
          ? { type: 'answered', body: kept }
          : { type: 'to_keep', body: answerOf(request, outcome) };
    }
  }
}

/** The authentication, and for the app channel the session secret its 3DS SDK needs. */
function answerOf(request: CreateAuthenticationRequestDto, started: Started): object {
  return {
    ...authenticationView(started.authentication),
    ...(request.channel === 'app' && started.sessionCreated
      ? { [SESSION_SECRET_FIELD]: started.sdkSessionSecret }
      : {}),
  };
}

/** The provider's hosted page runs in a browser and gathers the browser data itself. */
function assertHostable(request: CreateAuthenticationRequestDto): void {
  if (request.channel !== 'browser') {
    throw new HostedNotSupportedError('hosted authentication is for the browser channel only');
  }
  if (request.channel_data) {
    throw new HostedNotSupportedError(
      "hosted authentication takes no channel_data: the provider's page gathers it",
    );
  }
}
