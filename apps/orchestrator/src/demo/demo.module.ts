import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DemoBackendController } from './demo-backend.controller.js';
import { DemoBackend } from './demo-backend.service.js';
import { DemoPageController } from './demo-page.controller.js';
import { demoConfig } from './demo.config.js';

/**
 * Development only (DEMO_PAGE=true, refused in production): the demo checkout page at `/` and
 * the demo's merchant backend under /demo/api. Not loaded at all otherwise.
 */
@Module({
  imports: [ConfigModule.forFeature(demoConfig)],
  controllers: [DemoPageController, DemoBackendController],
  providers: [DemoBackend],
})
export class DemoModule {}
