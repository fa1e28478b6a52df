import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readPublicFile, type PublicFile } from './public-files.js';

/**
 * The browser helper for merchant pages: a plain ES module and its types. Merchant pages on
 * other origins import it, and module scripts are fetched with CORS, hence the open headers.
 */
@ApiTags('browser helper')
@Controller('js')
export class BrowserHelperController {
  private readonly helper = readPublicFile('js/threeds.js');
  private readonly frames = readPublicFile('js/threeds-frames.js');
  private readonly types = readPublicFile('js/threeds.d.ts');

  @Get('threeds.js')
  @ApiOperation({ summary: 'The browser helper (ES module): 3DS Method, challenge, result' })
  @ApiProduces('text/javascript')
  @ApiOkResponse({ description: 'JavaScript source' })
  @Header('cache-control', 'public, max-age=300')
  helperModule(@Res({ passthrough: true }) reply: FastifyReply): string {
    return send(reply, this.helper);
  }

  @Get('threeds-frames.js')
  @ApiOperation({ summary: "The browser helper's iframes at the EMV challenge window sizes" })
  @ApiProduces('text/javascript')
  @ApiOkResponse({ description: 'JavaScript source, imported by threeds.js' })
  @Header('cache-control', 'public, max-age=300')
  framesModule(@Res({ passthrough: true }) reply: FastifyReply): string {
    return send(reply, this.frames);
  }

  @Get('threeds.d.ts')
  @ApiOperation({ summary: 'TypeScript declarations of the browser helper' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'TypeScript declarations' })
  @Header('cache-control', 'public, max-age=300')
  helperTypes(@Res({ passthrough: true }) reply: FastifyReply): string {
    return send(reply, this.types);
  }
}

function send(reply: FastifyReply, file: PublicFile): string {
  void reply
    .header('content-type', file.contentType)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
  return file.body;
}
