import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ApiErrorCode } from './error-catalogue.js';
import { withRequestId } from './request-id.js';

/** Transport errors (validation, auth, unknown route, bad JSON) in the same `{error: …}` shape. */
const CODE_FOR_STATUS: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'VALIDATION_FAILED',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'METHOD_NOT_ALLOWED',
  [HttpStatus.URI_TOO_LONG]: 'URI_TOO_LONG',
};

@Catch(HttpException)
export class HttpExceptionFilter implements ExceptionFilter<HttpException> {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const { status, body } = httpExceptionResponse(exception);
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (status === 413) sayLimit(body, request.routeOptions.bodyLimit);
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(status)
      .send(withRequestId(body, request));
  }
}

export function httpExceptionResponse(exception: HttpException): { status: number; body: object } {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (isOwnShape(body)) {
    // A body a library chose on purpose (e.g. the health check report) goes out unchanged.
    return { status, body: body as object };
  }
  const details =
    typeof body === 'object' && body !== null && 'details' in body ? body.details : {};
  return {
    status,
    body: {
      error: {
        code: codeOf(status),
        message: messageOf(exception, status),
        details,
      },
    },
  };
}

function codeOf(status: number): ApiErrorCode {
  return CODE_FOR_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REJECTED');
}

/** Nest's default bodies are `{statusCode, message, error?}` or ours `{message, details}`. */
function isOwnShape(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && !('message' in body) && !('statusCode' in body)
  );
}

/**
 * Our own exceptions say what is wrong in words we chose. Framework ones (an unknown route, a
 * content type Fastify refused) can quote the request (`Cannot GET /v1/…`), so they get the
 * status text instead.
 */
function messageOf(exception: HttpException, status: number): string {
  const fromFramework =
    exception.cause !== undefined || /^Cannot [A-Z]+ \//.test(exception.message);
  return fromFramework ? (STATUS_CODES[status] ?? 'Request refused') : exception.message;
}

/** Fastify's body reader refuses with a bare status text: the route's own limit says more. */
function sayLimit(body: object, limit: number | undefined): void {
  const error = (body as { error?: { message?: string } }).error;
  if (error && limit !== undefined) {
    error.message = `The body is larger than this route accepts (${limit} bytes)`;
  }
}
