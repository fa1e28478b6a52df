import { Global, Module } from '@nestjs/common';
import { ClaimNotice } from '../flow/claim-notice.js';
import { CompletionNotice } from '../flow/completion-notice.js';
import { ClaimEvents } from './claim-events.js';
import { CompletedEvents } from './completed-event.js';

/**
 * Binds the flow's notices to the team's events, for the whole app: CompletionNotice to
 * `authentication.completed`, ClaimNotice to `authentication.claimed` and
 * `authentication.claim_released`. The flow asks for the notices and never imports this module
 * (the consumer owns its reaction).
 */
@Global()
@Module({
  providers: [
    { provide: CompletionNotice, useClass: CompletedEvents },
    { provide: ClaimNotice, useClass: ClaimEvents },
  ],
  exports: [CompletionNotice, ClaimNotice],
})
export class CompletionNoticesModule {}
