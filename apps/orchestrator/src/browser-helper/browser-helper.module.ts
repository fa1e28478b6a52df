import { Module } from '@nestjs/common';
import { BrowserHelperController } from './browser-helper.controller.js';

/** Serves /js/threeds.js, the module it imports and its types (apps/orchestrator/public/js). */
@Module({ controllers: [BrowserHelperController] })
export class BrowserHelperModule {}
