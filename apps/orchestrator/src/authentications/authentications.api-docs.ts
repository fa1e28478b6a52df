import { RESULT_FORMATS } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  type ApiOperationOptions,
  ApiParam,
  ApiQuery,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors, BODY_ERRORS } from '../openapi/api-errors.decorator.js';
import type { ApiErrorCode } from '../http/error-catalogue.js';
import {
  AuthenticationEventsResponseDto,
  AuthenticationListResponseDto,
  AuthenticationResponseDto,
  CreatedAuthenticationResponseDto,
} from './dto/authentication.response.dto.js';
import { NEXT_ACTION_MODELS } from './dto/next-action.response.dto.js';
import {
  IssuerFingerprintRequestDto,
  SubmitChannelDataRequestDto,
} from './dto/channel-data.request.dto.js';
import { AppChallengeResultRequestDto } from './dto/app-challenge-result.request.dto.js';
import { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { RESULT_MODELS } from './dto/result.response.dto.js';
import { STEP_UP_EXAMPLES, StepUpRequestDto } from './dto/step-up.request.dto.js';
import { AUTHENTICATION_EXAMPLES, RESULT_EXAMPLES } from './dto/authentication.examples.js';
import { CREATE_EXAMPLE, DETAILED_CREATE_EXAMPLE } from './dto/create-authentication.examples.js';

export const ID_PARAM = ApiParam({
  name: 'id',
  description: 'The authentication id (`auth_…`)',
  example: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe',
});

/** The provider may be asked on the way: these are its failures as we answer them. */
const PROVIDER_ERRORS = [
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BUSY',
  'UPSTREAM_REJECTED_REQUEST',
  'PROVIDER_CIRCUIT_OPEN',
] as const;

/** The OpenAPI description of each route of AuthenticationsController. */

/** A POST on one authentication that answers it, with the refusals every such step has. */
function authenticationStep(
  operation: ApiOperationOptions,
  body: new () => object,
  ...refusals: ApiErrorCode[]
) {
  return applyDecorators(
    ApiOperation(operation),
    ID_PARAM,
    ApiBody({ type: body }),
    ApiOkResponse({ type: AuthenticationResponseDto }),
    ApiErrors(
      'UNAUTHENTICATED',
      ...BODY_ERRORS,
      'AUTHENTICATION_NOT_FOUND',
      'ILLEGAL_TRANSITION',
      ...refusals,
    ),
  );
}

/** A step that updates the provider's session: same answer and the same refusals, body aside. */
function sessionUpdate(summary: string, body: new () => object, ...refusals: ApiErrorCode[]) {
  return authenticationStep(
    { summary },
    body,
    'NO_CARDHOLDER_STEP',
    'CONCURRENT_UPDATE',
    ...refusals,
    ...PROVIDER_ERRORS,
  );
}

/**
 * A POST that starts an authentication under an Idempotency-Key (the create, a step-up): the
 * same header, answer and refusals, body and route-specific refusals aside.
 */
function keyedStart(
  operation: ApiOperationOptions,
  body: { type: new () => object; examples: Record<string, { summary: string; value: object }> },
  ...refusals: ApiErrorCode[]
) {
  return applyDecorators(
    ApiOperation(operation),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        '1–255 visible ASCII characters. The same key and body get the first answer again',
    }),
    ApiBody(body),
    ApiCreatedResponse({
      type: CreatedAuthenticationResponseDto,
      headers: {
        'Idempotent-Replayed': {
          description: '`true` when this is the stored answer to an earlier request',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      examples: AUTHENTICATION_EXAMPLES,
    }),
    ApiErrors(
      'UNAUTHENTICATED',
      ...BODY_ERRORS,
      ...refusals,
      'PROCESSING_CHANNEL_NOT_ALLOWED',
      'CHANNEL_NOT_ENABLED',
      'HOSTED_NOT_SUPPORTED',
      'INITIAL_SESSION_NOT_FOUND',
      'DATA_QUALITY_TOO_LOW',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_KEY_IN_USE',
      ...PROVIDER_ERRORS,
      'UPSTREAM_OUTCOME_UNKNOWN',
    ),
  );
}

export const AuthenticationsApi = {
  create: () =>
    keyedStart(
      { summary: "Start an authentication (creates the provider's session)" },
      {
        type: CreateAuthenticationRequestDto,
        examples: {
          frictionless: { summary: 'Browser data sent with the create', value: CREATE_EXAMPLE },
          detailed: {
            summary: 'Every optional field: cardholder, risk data, recurrence, device',
            value: DETAILED_CREATE_EXAMPLE,
          },
        },
      },
    ),
  stepUp: () =>
    applyDecorators(
      keyedStart(
        {
          summary: 'Step up after a soft decline: a new authentication with a mandated challenge',
          description:
            'For an authorization the issuer declined for missing strong customer authentication ' +
            '(Visa `1A`, Mastercard `65`, a gateway code of the same meaning: docs/step-up.md). ' +
            'Resend the same card or network token: the new authentication is for at most the ' +
            "original's amount, in its currency, sent with `challenge_requested_mandate`, and " +
            'linked both ways (`stepped_up_from`, `stepped_up_to`). Once per original; the ' +
            "original's active claim is released (`stepped_up`). An original of a stored source " +
            '(`token`, `id`) cannot be stepped up: `STEP_UP_NOT_POSSIBLE`.',
        },
        { type: StepUpRequestDto, examples: STEP_UP_EXAMPLES },
        'AUTHENTICATION_NOT_FOUND',
        'RESULT_NOT_READY',
        'ALREADY_STEPPED_UP',
        'STEP_UP_NOT_POSSIBLE',
        'STEP_UP_CARD_MISMATCH',
        'STEP_UP_EXCEEDS_ORIGINAL',
      ),
      ID_PARAM,
    ),
  list: () =>
    applyDecorators(
      ApiOperation({ summary: "The team's authentications, newest first" }),
      ApiOkResponse({ type: AuthenticationListResponseDto }),
      ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED'),
    ),
  get: () =>
    applyDecorators(
      ApiOperation({ summary: 'One authentication: state, outcome, guidance, next action' }),
      ID_PARAM,
      ApiExtraModels(...NEXT_ACTION_MODELS),
      ApiOkResponse({ type: AuthenticationResponseDto, examples: AUTHENTICATION_EXAMPLES }),
      ApiErrors('UNAUTHENTICATED', 'AUTHENTICATION_NOT_FOUND'),
    ),
  issuerFingerprint: () =>
    sessionUpdate(
      'Report the 3DS Method completion (EMV threeDSCompInd)',
      IssuerFingerprintRequestDto,
    ),
  channelData: () =>
    sessionUpdate(
      'Send the browser or app data; answers the next action',
      SubmitChannelDataRequestDto,
      'HOSTED_NOT_SUPPORTED',
    ),
  appChallengeResult: () =>
    authenticationStep(
      {
        summary:
          "The app's 3DS SDK finished its challenge: re-reads the session, answers the state",
        description:
          "A hint, like the provider's callback: the result is read from the provider. Until the ACS has " +
          'reported (still `challenge_required`), the answer is the current state and the ' +
          'authentication keeps being checked. Calling again is harmless.',
      },
      AppChallengeResultRequestDto,
      'CHANNEL_MISMATCH',
    ),
  result: () =>
    applyDecorators(
      ApiOperation({ summary: 'The final result, shaped for a gateway' }),
      ID_PARAM,
      ApiQuery({ name: 'format', required: false, enum: RESULT_FORMATS }),
      ApiExtraModels(...RESULT_MODELS),
      ApiOkResponse({
        description: 'One shape per `format`',
        schema: { oneOf: RESULT_MODELS.map((model) => ({ $ref: getSchemaPath(model) })) },
        examples: RESULT_EXAMPLES,
      }),
      ApiErrors(
        'UNAUTHENTICATED',
        'VALIDATION_FAILED',
        'AUTHENTICATION_NOT_FOUND',
        'RESULT_NOT_READY',
        'RESULT_NOT_AUTHORIZABLE',
      ),
    ),
  events: () =>
    applyDecorators(
      ApiOperation({ summary: 'The timeline: every input and transition' }),
      ID_PARAM,
      ApiOkResponse({ type: AuthenticationEventsResponseDto }),
      ApiErrors('UNAUTHENTICATED', 'AUTHENTICATION_NOT_FOUND'),
    ),
};
