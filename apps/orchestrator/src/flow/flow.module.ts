import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { SecurityModule } from '../security/security.module.js';
import { AppChallengeResults } from './app-challenge-results.service.js';
import { AuthenticationStarts } from './authentication-starts.service.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { CompleteSessionTask } from './complete-session.task.js';
import { CreateStrategy } from './create-strategy.js';
import { FollowupPlanner } from './followups.planner.js';
import { OrphanedFollowups } from './orphaned-followups.js';
import { OutsideInputs } from './outside-inputs.service.js';
import { ProviderEventTask } from './provider-event.task.js';
import { ProviderEvents } from './provider-events.service.js';
import { ProviderRouting } from './provider-routing.js';
import { RecheckTask } from './recheck.task.js';
import { Rereads } from './rereads.service.js';
import { ResultClaims } from './result-claims.service.js';
import { ReturnUrls } from './return-urls.js';
import { SessionSync } from './session-sync.service.js';
import { SessionUpdates } from './session-updates.service.js';
import { AuthenticationStepUps } from './step-ups.service.js';

/**
 * The provider-neutral engine every trigger calls (the team API, the provider's callback and
 * events, the browser's returns, the job queue): it decides and writes every move, and imports
 * none of them. It asks for ports the app binds: ThreeDsProviders (the adapters, by name), and
 * CompletionNotice and ClaimNotice (what the team is told).
 */
@Module({
  imports: [PersistenceModule, MetricsModule, SecurityModule, CommonModule],
  providers: [
    AppChallengeResults,
    AuthenticationStarts,
    AuthenticationStepUps,
    AuthenticationTransitionsService,
    CompleteSessionTask,
    CreateStrategy,
    FollowupPlanner,
    OrphanedFollowups,
    OutsideInputs,
    ProviderEvents,
    ProviderEventTask,
    ProviderRouting,
    RecheckTask,
    Rereads,
    ResultClaims,
    ReturnUrls,
    SessionSync,
    SessionUpdates,
  ],
  exports: [
    AppChallengeResults,
    AuthenticationStarts,
    AuthenticationStepUps,
    OutsideInputs,
    ProviderEvents,
    ResultClaims,
    SessionUpdates,
  ],
})
export class FlowModule {}
