import { HostedNotSupportedError, InvalidRequestError } from '@app/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthenticationStarts } from '../flow/authentication-starts.service.js';
import type { Started, StartKey, StartOutcome } from '../flow/start-outcome.js';
import { AuthenticationStepUps } from '../flow/step-ups.service.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { authenticationView } from './authentication.view.js';
import type { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { SOURCE_TYPES } from './dto/source.request.dto.js';
import type { StepUpRequestDto } from './dto/step-up.request.dto.js';
import type { IdempotencyClaim, KeyedAnswer } from './idempotency/idempotency-key.js';
import { sealAnswer } from './idempotency/sealed-answers.js';
import { SESSION_SECRET_FIELD } from './provider-fields.js';

/** What both starts are checked for as a whole: the create's body, and a step-up's. */
type StartRequest = CreateAuthenticationRequestDto | StepUpRequestDto;

/**
 * `POST /v1/authentications` and `POST …/{id}/step-up`: the request is checked as a whole, then
 * the flow starts the authentication under the request's Idempotency-Key, and the outcome goes
 * back to the interceptor as a value (KeyedAnswer).
 */
@Injectable()
export class AuthenticationsService {
  constructor(
    private readonly starts: AuthenticationStarts,
    private readonly stepUps: AuthenticationStepUps,
    private readonly queries: AuthenticationQueries,
    private readonly secrets: SecretBox,
  ) {}

  create(
    team: string,
    request: CreateAuthenticationRequestDto,
    claim: IdempotencyClaim,
  ): Promise<KeyedAnswer> {
    return this.keyed(request, claim, (key) => this.starts.start(team, request, key));
  }

  /** A new authentication stepping up the team's own `id` (docs/step-up.md). */
  async stepUp(
    team: string,
    id: string,
    request: StepUpRequestDto,
    claim: IdempotencyClaim,
  ): Promise<KeyedAnswer> {
    const original = await this.queries.owned(team, id);
    return this.keyed(request, claim, (key) => this.stepUps.stepUp(original, request, key));
  }

  private async keyed(
    request: StartRequest,
    claim: IdempotencyClaim,
    start: (key: StartKey) => Promise<StartOutcome>,
  ): Promise<KeyedAnswer> {
    assertConsistent(request);
    // The answer kept with the key goes out as it is: rendered again from the row read back, its
    // jsonb fields would have their keys in another order than a replay's.
    let kept: object | undefined;
    const outcome = await start({
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

function assertConsistent(request: StartRequest): void {
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
}

/** The authentication, and for the app channel the session secret its 3DS SDK needs. */
function answerOf(request: StartRequest, started: Started): object {
  return {
    ...authenticationView(started.authentication),
    ...(request.channel === 'app' && started.sessionCreated
      ? { [SESSION_SECRET_FIELD]: started.sdkSessionSecret }
      : {}),
  };
}

/** The provider's hosted page runs in a browser and gathers the browser data itself. */
function assertHostable(request: StartRequest): void {
  if (request.channel !== 'browser') {
    throw new HostedNotSupportedError('hosted authentication is for the browser channel only');
  }
  if (request.channel_data) {
    throw new HostedNotSupportedError(
      "hosted authentication takes no channel_data: the provider's page gathers it",
    );
  }
}
