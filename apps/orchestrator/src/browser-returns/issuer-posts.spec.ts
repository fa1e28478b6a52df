import { challengeAnswerOf, methodTransactionId } from './issuer-posts.js';

const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const aCres = (extra: Record<string, unknown> = {}) =>
  encoded({
    messageType: 'CRes',
    threeDSServerTransID: 'server-1',
    acsTransID: 'acs-1',
    messageVersion: '2.2.0',
    ...extra,
  });

describe('challengeAnswerOf', () => {
  it.each([
    ['Y', { transStatus: 'Y' }, 'Y'],
    ['N', { transStatus: 'N' }, 'N'],
    ['none sent', {}, undefined],
    ['a step, not a result (C)', { transStatus: 'C' }, undefined],
    ['a stranger', { transStatus: 'YES' }, undefined],
    ['not a string', { transStatus: 1 }, undefined],
  ])("reads a CRes's transStatus: %s", (_, extra, expected) => {
    const answer = challengeAnswerOf({ cres: aCres(extra) });
    expect(answer).toEqual({
      kind: 'cres',
      serverTransactionId: 'server-1',
      acsTransactionId: 'acs-1',
      ...(expected ? { transStatus: expected } : {}),
    });
  });

  it('reads another message, or no JSON, as no answer', () => {
    expect(challengeAnswerOf({ cres: encoded({ messageType: 'Erro' }) })).toEqual({ kind: 'none' });
    expect(challengeAnswerOf({ cres: 'not base64 json' })).toEqual({ kind: 'none' });
    expect(challengeAnswerOf({})).toEqual({ kind: 'none' });
  });

  it("reads a 3DS1 PaRes by the provider's MD", () => {
    expect(challengeAnswerOf({ PaRes: 'eJz', MD: 'sid_1' })).toEqual({
      kind: 'pares',
      merchantData: 'sid_1',
    });
    expect(challengeAnswerOf({ PaRes: '', MD: 'sid_1' })).toEqual({ kind: 'none' });
  });
});

describe('methodTransactionId', () => {
  it("reads the 3DS Method data's threeDSServerTransID", () => {
    expect(methodTransactionId(encoded({ threeDSServerTransID: 'server-1' }))).toBe('server-1');
    expect(methodTransactionId(encoded({ threeDSServerTransID: 7 }))).toBeUndefined();
    expect(methodTransactionId('x'.repeat(20_000))).toBeUndefined();
  });
});
