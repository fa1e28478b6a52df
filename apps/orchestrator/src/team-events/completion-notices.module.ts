import { Global, Module } from '@nestjs/common';
import { CompletionNotice } from '../flow/completion-notice.js';
import { CompletedEvents } from './completed-event.js';

/**
 * Binds the flow's CompletionNotice to the team's `authentication.completed` event, for the whole
 * app: the flow asks for the notice and never imports this module (the consumer owns its
 * reaction).
 */
@Global()
@Module({
  providers: [{ provide: CompletionNotice, useClass: CompletedEvents }],
  exports: [CompletionNotice],
})
export class CompletionNoticesModule {}
