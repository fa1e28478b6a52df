import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies as Checkout reads them: an empty body with `Content-Type: application/json` is no
 * body at all (Checkout's official Node SDK sends `complete` that way, and Checkout accepts it);
 * anything else goes through Fastify's own parser (malformed JSON or prototype poisoning is
 * still refused).
 */
@Injectable()
export class JsonBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const parseJson = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (request, body: string, done) => {
        if (body.length === 0) return done(null, undefined);
        void parseJson(request, body, done);
      },
    );
  }
}
