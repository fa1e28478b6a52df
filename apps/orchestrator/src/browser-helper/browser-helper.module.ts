import { Module } from '@nestjs/common';
import { BrowserHelperController } from './browser-helper.controller.js';

/** Serves /js/threeds.js and /js/threeds.d.ts (apps/orchestrator/public/js). */
@Module({ controllers: [BrowserHelperController] })
export class BrowserHelperModule {}
