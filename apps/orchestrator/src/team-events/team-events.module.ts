import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { SecurityModule } from '../security/security.module.js';
import { CompletionNoticesModule } from './completion-notices.module.js';
import { DeliverEventTask } from './deliver-event.task.js';
import { EndpointUrlPolicy } from './endpoint-url.policy.js';
import { EventSender } from './event-sender.js';
import { HostResolver } from './host-resolver.js';
import { TeamEndpointsController, TeamEventsController } from './team-events.controller.js';
import { TeamEventsService } from './team-events.service.js';

/** Signed `authentication.completed` events to payment teams (outbox, at least once). */
@Module({
  imports: [PersistenceModule, SecurityModule, CommonModule, CompletionNoticesModule],
  controllers: [TeamEndpointsController, TeamEventsController],
  providers: [TeamEventsService, EndpointUrlPolicy, HostResolver, EventSender, DeliverEventTask],
})
export class TeamEventsModule {}
