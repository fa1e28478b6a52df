import type { ClaimedPayment, ReleaseReason } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { ResultClaims } from '../flow/result-claims.service.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { claimView } from './claim.view.js';
import type { ClaimRequestDto } from './dto/claim.request.dto.js';

type Json = Record<string, unknown>;

/** The team's claims on its own authentication's result: the flow's ledger, answered as views. */
@Injectable()
export class ClaimRequests {
  constructor(
    private readonly queries: AuthenticationQueries,
    private readonly claims: ResultClaims,
  ) {}

  /** `created`: a new claim (201); false for the same payment's claim again (200). */
  async claim(
    team: string,
    id: string,
    body: ClaimRequestDto,
  ): Promise<{ created: boolean; body: Json }> {
    const authentication = await this.queries.owned(team, id);
    const payment: ClaimedPayment = {
      paymentReference: body.payment_reference,
      psp: body.psp,
      amount: body.amount,
      currency: body.currency,
    };
    const { claim, created } = await this.claims.claim(authentication, payment);
    const result = this.queries.resultFor(authentication, claim.psp);
    return { created, body: { ...claimView(claim), result } };
  }

  async release(team: string, id: string, claimId: string, reason: ReleaseReason): Promise<Json> {
    const authentication = await this.queries.owned(team, id);
    return claimView(await this.claims.release(authentication, claimId, reason));
  }
}
