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
  NEXT_ACTION_MODELS,
} from './dto/authentication.response.dto.js';
import {
  IssuerFingerprintRequestDto,
  SubmitChannelDataRequestDto,
} from './dto/channel-data.request.dto.js';
import { AppChallengeResultRequestDto } from './dto/app-challenge-result.request.dto.js';
import { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { RESULT_MODELS } from './dto/result.response.dto.js';
import {
  AUTHENTICATION_EXAMPLES,
  CREATE_EXAMPLE,
  DETAILED_CREATE_EXAMPLE,
  RESULT_EXAMPLES,
} from './dto/authentication.examples.js';

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

export const AuthenticationsApi = {
  create: () =>
    applyDecorators(
      ApiOperation({ summary: "Start an authentication (creates the provider's session)" }),
      ApiHeader({
        name: 'Idempotency-Key',
        required: true,
        description:
          '1–255 visible ASCII characters. The same key and body get the first answer again',
      }),
      ApiBody({
        type: CreateAuthenticationRequestDto,
        examples: {
          frictionless: { summary: 'Browser data sent with the create', value: CREATE_EXAMPLE },
          detailed: {
            summary: 'Every optional field: cardholder, risk data, recurrence, device',
            value: DETAILED_CREATE_EXAMPLE,
          },
        },
      }),
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
