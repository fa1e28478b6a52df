import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRunner } from './job-runner.service.js';

/** The job worker: runs the tasks each module registers (@WorkerTask), importing none of them. */
@Module({
  imports: [PersistenceModule, DiscoveryModule],
  providers: [JobRunner],
})
export class JobsModule {}
