import { guidanceOfRecorded } from '@app/domain';
import type { AuthenticationEntity, TeamEventDraft } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids.js';
import { CompletionNotice } from '../flow/completion-notice.js';
import { AuthenticationCompletedEventDto } from './dto/team-event-payloads.dto.js';
import { AUTHENTICATION_COMPLETED } from './event-types.js';

/**
 * What a team learns when an authentication's outcome is known: enough to authorize or to look
 * it up, and never the cryptogram (read it through GET …/result). The flow writes it with the
 * move that made the outcome known; this module decides what it says.
 */
@Injectable()
export class CompletedEvents extends CompletionNotice {
  draftFor(after: AuthenticationEntity): TeamEventDraft {
    // Typed by the class the webhook's schema is made of, so the two cannot drift apart.
    const payload: AuthenticationCompletedEventDto = {
      type: AUTHENTICATION_COMPLETED,
      timestamp: new Date().toISOString(),
      data: {
        authentication_id: after.id,
        reference: after.reference,
        state: after.state,
        outcome: after.outcome,
        guidance: guidanceOfRecorded(after),
        failure_reason: after.failureReason,
        // The provider's own session id, named as the API names it.
        checkout_session_id: after.providerSessionId,
        amount: after.amount,
        currency: after.currency,
        channel: after.channel,
        stepped_up_from: after.steppedUpFrom,
        scheme: after.scheme,
        protocol_version: after.result?.protocol_version ?? null,
        trans_status: after.result?.response_code ?? null,
        trans_status_reason: after.result?.response_status_reason ?? null,
        eci: after.result?.eci ?? null,
        ds_transaction_id: after.result?.ds_transaction_id ?? null,
        three_ds_server_transaction_id: after.result?.three_ds_server_transaction_id ?? null,
        acs_transaction_id: after.result?.acs_transaction_id ?? null,
      },
    };
    return {
      id: newId('msg'),
      teamId: after.teamId,
      authenticationId: after.id,
      type: AUTHENTICATION_COMPLETED,
      payload: { ...payload },
    };
  }
}
