import { RouteFaults, type RouteFault } from '@app/simulator-kit';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestIdOf } from '../http/request-id.js';
import { authKindOf, RequestLog } from './request-log.js';

const CONTROL_PREFIX = '/_sim';
/** A scripted time-out holds the request this long at most, then drops the connection. */
const MAX_HOLD_MS = 120_000;

const STARTED = new WeakMap<object, { at: number; fault?: string; lateAnswerMs?: number }>();

/**
 * Fastify hooks around every route: the request log, and scripted faults applied before the
 * route runs (so a faulted request changes no state, like a failure in front of Checkout).
 */
@Injectable()
export class HttpHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly faults: RouteFaults,
    private readonly log: RequestLog,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply) => this.onRequest(request, reply));
    fastify.addHook('onSend', async (request) => {
      const delay = STARTED.get(request.raw)?.lateAnswerMs;
      if (delay) await sleep(delay);
    });
    fastify.addHook('onResponse', async (request, reply) => this.record(request, reply.statusCode));
  }

  private async onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    STARTED.set(request.raw, { at: Date.now() });
    if (request.url.startsWith(CONTROL_PREFIX)) return;
    const fault = this.faults.take(routeOf(request), sessionIdOf(request));
    if (!fault) return;
    STARTED.get(request.raw)!.fault = fault.kind;
    await this.inject(fault, request, reply);
  }

  private async inject(
    fault: RouteFault,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    switch (fault.kind) {
      case 'latency':
        await sleep(fault.latencyMs);
        return;
      case 'late_answer':
        STARTED.get(request.raw)!.lateAnswerMs = fault.latencyMs;
        return;
      case 'status':
        if (fault.retryAfterSeconds !== undefined)
          void reply.header('retry-after', String(fault.retryAfterSeconds));
        await reply
          .status(fault.status)
          .header('cko-request-id', requestIdOf(request))
          .send({ request_id: requestIdOf(request), ...errorFor(fault.status) });
        return;
      case 'malformed':
        await reply
          .status(fault.status)
          .header('content-type', 'application/json')
          .send('{"id":"sid_');
        return;
      case 'reset':
        this.record(request, 0);
        // hijack: the route must not run after the connection is gone (no state may change).
        reply.hijack();
        request.raw.socket.destroy();
        return;
      case 'timeout':
        reply.hijack();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, fault.latencyMs || MAX_HOLD_MS);
          request.raw.socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        this.record(request, 0);
        request.raw.socket.destroy();
        return;
    }
  }

  private record(request: FastifyRequest, status: number): void {
    if (request.url.startsWith(CONTROL_PREFIX)) return;
    const started = STARTED.get(request.raw);
    if (!started) return;
    STARTED.delete(request.raw);
    this.log.record({
      method: request.method,
      path: request.url.split('?')[0],
      route: routeOf(request),
      sessionId: sessionIdOf(request),
      auth: authKindOf(request.headers.authorization),
      callerRequestId: callerRequestIdOf(request),
      status,
      durationMs: Date.now() - started.at,
      at: new Date().toISOString(),
      fault: started.fault,
    });
  }
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
}

function callerRequestIdOf(request: FastifyRequest): string | undefined {
  const id = request.headers['x-request-id'];
  return typeof id === 'string' ? id : undefined;
}

function sessionIdOf(request: FastifyRequest): string | undefined {
  const id = (request.params as Record<string, string> | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Checkout's Sessions vocabulary has no rate-limit type; 429 reuses `service_not_available`. */
function errorFor(status: number): { error_type: string; error_codes: string[] } {
  if (status === 429)
    return { error_type: 'service_not_available', error_codes: ['rate_limit_exceeded'] };
  if (status === 503)
    return { error_type: 'service_not_available', error_codes: ['service_unavailable'] };
  return { error_type: 'internal_server_error', error_codes: ['unknown_error'] };
}
