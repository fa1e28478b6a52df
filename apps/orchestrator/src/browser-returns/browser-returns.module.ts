import { Module } from '@nestjs/common';
import { FlowModule } from '../flow/flow.module.js';
import { BrowserReturnsController } from './browser-returns.controller.js';

/** The cardholder's browser coming back from the issuer's pages and the provider's hosted page. */
@Module({ imports: [FlowModule], controllers: [BrowserReturnsController] })
export class BrowserReturnsModule {}
