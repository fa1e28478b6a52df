import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { BacklogMetrics } from './backlog.metrics.js';

/**
 * `GET /metrics` in Prometheus text format, for the internal scraper: no API key (it shows no
 * team's data, only bounded counts), and a rate limit of its own (see http-server.ts).
 */
@Controller('metrics')
@ApiTags('health')
export class MetricsController {
  constructor(
    private readonly registry: Registry,
    private readonly backlog: BacklogMetrics,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics for the internal scraper (no API key)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    await this.backlog.refresh();
    void reply
      .header('content-type', this.registry.contentType)
      .header('cache-control', 'no-store');
    return this.registry.metrics();
  }
}
