import { CHECKOUT_SESSION_STATUSES, CHECKOUT_STATUS_REASONS } from '@app/checkout-client';
import { readFileSync } from 'node:fs';
import { responseContractViolations } from '../support/checkout-contract.js';

const ERROR = { request_id: 'req_1', error_type: 'not_found', error_codes: ['session_not_found'] };

/** The check every simulator spec runs on each Checkout answer must be able to fail. */
describe('responseContractViolations', () => {
  it("checks an answer against its operation's documented response for that status", () => {
    expect(responseContractViolations('GET', '/sessions/sid_abc', 404, ERROR)).toEqual([]);
    expect(responseContractViolations('GET', '/sessions/sid_abc', 200, { id: 7 })).not.toEqual([]);
    expect(
      responseContractViolations('POST', '/connect/token', 400, { error: 'invalid_scope' }),
    ).toEqual([]);
    expect(
      responseContractViolations('POST', '/connect/token', 400, { error: 'no_such_error' }),
    ).not.toEqual([]);
  });

  it('refuses a body where none is documented, and an undocumented success status', () => {
    expect(
      responseContractViolations('POST', '/sessions/sid_abc/complete', 204, undefined),
    ).toEqual([]);
    expect(responseContractViolations('POST', '/sessions/sid_abc/complete', 204, {})).toEqual([
      'POST /sessions/{id}/complete 204: documented without a body, got one',
    ]);
    expect(responseContractViolations('POST', '/sessions', 200, {})).toEqual([
      'POST /sessions 200: status not documented',
    ]);
  });

  it('wants an ErrorResponse (or nothing) for an undocumented error status', () => {
    expect(responseContractViolations('POST', '/sessions/sid_abc/complete', 409, ERROR)).toEqual(
      [],
    );
    expect(
      responseContractViolations('POST', '/sessions/sid_abc/complete', 502, { oops: true }),
    ).not.toEqual([]);
  });

  it('leaves routes outside the document alone (control API, ACS pages)', () => {
    expect(responseContractViolations('GET', '/_sim/counters', 200, { any: 1 })).toEqual([]);
    expect(responseContractViolations('POST', '/acs/challenge', 200, undefined)).toEqual([]);
  });
});

/** The wire's closed sets, as Checkout's Sessions API document lists them. */
describe('Checkout wire values', () => {
  const schemas = (
    JSON.parse(readFileSync('contracts/checkout/sessions.openapi.json', 'utf8')) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    }
  ).components.schemas;

  it('has every session status and status reason the document lists, and no other', () => {
    expect([...CHECKOUT_SESSION_STATUSES].sort()).toEqual([...schemas.Status.enum!].sort());
    expect([...CHECKOUT_STATUS_REASONS].sort()).toEqual([...schemas.StatusReason.enum!].sort());
  });
});
