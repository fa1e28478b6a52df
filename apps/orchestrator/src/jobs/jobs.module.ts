import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DueFollowupRunner } from './due-followups.runner.js';
import { JobRunner } from './job-runner.service.js';

/** The job worker: runs the tasks each module registers (@WorkerTask), importing none of them. */
@Module({
  imports: [PersistenceModule, DiscoveryModule],
  providers: [JobRunner, DueFollowupRunner],
})
export class JobsModule {}
