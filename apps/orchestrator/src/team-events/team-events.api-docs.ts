import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import { ApiErrors, BODY_ERRORS } from '../openapi/api-errors.decorator.js';
import {
  CreateEndpointRequestDto,
  ResendEventRequestDto,
  UpdateEndpointRequestDto,
} from './dto/team-events.request.dto.js';
import {
  CreatedEndpointResponseDto,
  EndpointListResponseDto,
  EndpointResponseDto,
  ResendResponseDto,
  TeamEventListResponseDto,
  TeamEventResponseDto,
} from './dto/team-events.response.dto.js';

const endpointId = ApiParam({ name: 'id', description: 'The endpoint id (`ep_…`)' });
const eventId = ApiParam({ name: 'id', description: 'The event id (`msg_…`)' });

/** The OpenAPI description of each route of TeamEndpointsController. */
export const TeamEndpointsApi = {
  create: () =>
    applyDecorators(
      ApiOperation({ summary: 'Register an endpoint; the answer shows its signing secret once' }),
      ApiBody({ type: CreateEndpointRequestDto }),
      ApiCreatedResponse({ type: CreatedEndpointResponseDto }),
      ApiErrors(
        'UNAUTHENTICATED',
        ...BODY_ERRORS,
        'ENDPOINT_URL_NOT_ALLOWED',
        'ENDPOINT_LIMIT_REACHED',
      ),
    ),
  list: () =>
    applyDecorators(
      ApiOperation({ summary: "The team's active endpoints" }),
      ApiOkResponse({ type: EndpointListResponseDto }),
      ApiErrors('UNAUTHENTICATED'),
    ),
  update: () =>
    applyDecorators(
      ApiOperation({ summary: 'Change whether dead-lettered events are redelivered on recovery' }),
      endpointId,
      ApiBody({ type: UpdateEndpointRequestDto }),
      ApiOkResponse({ type: EndpointResponseDto }),
      ApiErrors('UNAUTHENTICATED', ...BODY_ERRORS, 'ENDPOINT_NOT_FOUND'),
    ),
  remove: () =>
    applyDecorators(
      ApiOperation({ summary: 'Remove an endpoint: nothing more is sent to it' }),
      endpointId,
      ApiNoContentResponse({ description: 'Removed' }),
      ApiErrors('UNAUTHENTICATED', 'ENDPOINT_NOT_FOUND'),
    ),
};

/** The OpenAPI description of each route of TeamEventsController. */
export const TeamEventsApi = {
  list: () =>
    applyDecorators(
      ApiOperation({ summary: "The team's events, newest first, with every delivery attempt" }),
      ApiOkResponse({ type: TeamEventListResponseDto }),
      ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED'),
    ),
  get: () =>
    applyDecorators(
      ApiOperation({ summary: 'One event with its deliveries' }),
      eventId,
      ApiOkResponse({ type: TeamEventResponseDto }),
      ApiErrors('UNAUTHENTICATED', 'EVENT_NOT_FOUND'),
    ),
  resend: () =>
    applyDecorators(
      ApiOperation({ summary: 'Queue the event again, to every active endpoint or to one' }),
      eventId,
      ApiBody({ type: ResendEventRequestDto, required: false }),
      ApiAcceptedResponse({ type: ResendResponseDto }),
      ApiErrors('UNAUTHENTICATED', ...BODY_ERRORS, 'EVENT_NOT_FOUND', 'ENDPOINT_NOT_FOUND'),
    ),
};
