import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const logger = new Logger('Access');

/** One line per request answered: method, path (no query string), status and milliseconds. */
export function logEveryRequest(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0];
    const ms = Math.round(reply.elapsedTime);
    logger.log(`${request.method} ${path} ${reply.statusCode} ${ms} ms`);
    done();
  });
}
