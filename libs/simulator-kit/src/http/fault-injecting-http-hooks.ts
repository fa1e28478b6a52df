import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { RouteFaults, type RouteFault } from '../faults/route-faults.js';
import { RequestLog } from './request-log.js';

/** The control API is never faulted nor logged: tests must always be able to reach it. */
const CONTROL_PREFIX = '/_sim';
/** A scripted time-out holds the request this long at most, then drops the connection. */
const MAX_HOLD_MS = 120_000;

const STARTED = new WeakMap<object, { at: number; fault?: string; lateAnswerMs?: number }>();

/**
 * Fastify hooks around every route: the request log, and scripted faults applied before the
 * route runs (so a faulted request changes no state, like a failure in front of the provider),
 * except `late_answer`, which lets the route run and holds its answer. Each simulator says how
 * its provider words an error and what it logs about a caller.
 */
@Injectable()
export abstract class FaultInjectingHttpHooks implements OnModuleInit {
  /** The start of a JSON answer in the provider's shape, cut short, for `malformed`. */
  protected abstract readonly truncatedAnswer: string;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly faults: RouteFaults,
    private readonly log: RequestLog,
  ) {}

  /** Answers a scripted `status` fault the way the provider words that error. */
  protected abstract answerWithStatus(
    status: number,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void>;

  /** The provider's own fields of a log entry: who called, and about what. */
  protected abstract describeCaller(request: FastifyRequest): Record<string, unknown>;

  /** The session a request is about, for faults scoped to one; by default none is. */
  protected sessionOf(_request: FastifyRequest): string | undefined {
    return undefined;
  }

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
    const fault = this.faults.take(routeOf(request), this.sessionOf(request));
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
        await this.answerWithStatus(fault.status, request, reply);
        return;
      case 'malformed':
        await reply
          .status(fault.status)
          .header('content-type', 'application/json')
          .send(this.truncatedAnswer);
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
      ...this.describeCaller(request),
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
