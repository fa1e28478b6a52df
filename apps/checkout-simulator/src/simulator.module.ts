import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { simulatorConfig } from './config/simulator.config.js';
import { HealthController } from './health/health.controller.js';

@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [simulatorConfig] })],
  controllers: [HealthController],
})
export class SimulatorModule {}
