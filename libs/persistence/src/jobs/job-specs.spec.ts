import { payloadOf, recheckJob } from './job-specs.js';

describe('recheckJob and payloadOf', () => {
  it('carries the chain of re-reads a CRes asked for, and reads it back', () => {
    const job = recheckJob('auth_1', 2, 500, {
      baseMs: 500,
      notified: true,
      challengeTransStatus: 'Y',
    });
    expect(payloadOf(job.payload)).toEqual({
      authentication_id: 'auth_1',
      attempt: 2,
      base_ms: 500,
      notified: true,
      challenge_trans_status: 'Y',
    });
  });

  it('writes nothing it was not given', () => {
    expect(recheckJob('auth_1', 1, 1000).payload).toEqual({
      authentication_id: 'auth_1',
      attempt: 1,
    });
  });

  it('drops a transStatus that is no result from a stored payload', () => {
    expect(
      payloadOf({ authentication_id: 'auth_1', challenge_trans_status: 'C' }),
    ).not.toHaveProperty('challenge_trans_status');
    expect(
      payloadOf({ authentication_id: 'auth_1', challenge_trans_status: 'Y; DROP' }),
    ).not.toHaveProperty('challenge_trans_status');
  });
});
