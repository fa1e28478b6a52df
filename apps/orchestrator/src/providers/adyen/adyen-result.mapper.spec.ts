import { OUTCOME_FOR_TRANS_STATUS, UpstreamRejectedRequestError } from '@app/domain';
import type { AdyenProviderState } from './adyen-provider-state.js';
import {
  eventOfAnswer,
  MEANING_OF_ADYEN_RESULT_CODE,
  resultFieldsOf,
  type AdyenResultCode,
} from './adyen-result.mapper.js';

const ID = 'auth_123';
const refusalOf = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamRejectedRequestError);
    const { errorType, errorCodes } = error as UpstreamRejectedRequestError;
    return { errorType, errorCodes };
  }
  throw new Error('expected a refusal');
};

describe('MEANING_OF_ADYEN_RESULT_CODE (docs/adyen-adapter.md#2-snapshot-mapping)', () => {
  it.each([
    ['IdentifyShopper', { type: 'fingerprint_required', providerSessionId: ID }],
    ['ChallengeShopper', { type: 'challenge_issued', providerSessionId: ID }],
    ['Error', { type: 'result_received', outcome: 'unavailable', providerSessionId: ID }],
  ])('%s without a transStatus → %j', (resultCode, event) => {
    expect(eventOfAnswer({ resultCode }, 'create', ID)).toEqual(event);
  });

  it.each(['AuthenticationNotRequired', 'RedirectShopper'])(
    '%s is refused as a card not enrolled (no 3DS1 fallback)',
    (resultCode) => {
      expect(refusalOf(() => eventOfAnswer({ resultCode }, 'create', ID))).toEqual({
        errorType: 'result_code',
        errorCodes: [resultCode],
      });
    },
  );

  it('Refused at create is refused with its reason code; later it fails the authentication', () => {
    const refused = {
      resultCode: 'Refused',
      refusalReasonCode: '6',
      refusalReason: 'Expired Card',
    };
    expect(refusalOf(() => eventOfAnswer(refused, 'create', ID))).toEqual({
      errorType: 'result_code',
      errorCodes: ['Refused', '6'],
    });
    expect(eventOfAnswer(refused, 'later', ID)).toEqual({
      type: 'failed',
      reason: 'adyen_refused',
    });
  });

  const strangers = (Object.keys(MEANING_OF_ADYEN_RESULT_CODE) as AdyenResultCode[]).filter(
    (code) => MEANING_OF_ADYEN_RESULT_CODE[code] === 'unknown',
  );
  it.each([...strangers, 'AuthenticationFinished', 'SomethingNew', ''])(
    '%s without a transStatus is refused as unknown_status',
    (resultCode) => {
      expect(refusalOf(() => eventOfAnswer({ resultCode }, 'later', ID))).toEqual({
        errorType: 'unknown_status',
        errorCodes: [resultCode],
      });
    },
  );

  it('names every code of the library', () => {
    expect(strangers.sort()).toEqual(
      [
        'Authorised',
        'Cancelled',
        'PartiallyAuthorised',
        'Pending',
        'PresentToShopper',
        'Received',
        'Success',
      ].sort(),
    );
  });
});

describe('transStatus: read whatever the resultCode', () => {
  it.each(Object.entries(OUTCOME_FOR_TRANS_STATUS))('%s → %s', (transStatus, outcome) => {
    for (const resultCode of ['AuthenticationFinished', 'Refused', undefined]) {
      expect(eventOfAnswer({ resultCode, threeDS2Result: { transStatus } }, 'later', ID)).toEqual({
        type: 'result_received',
        outcome,
        providerSessionId: ID,
      });
    }
  });

  it.each(['01', '03', '04', '05', '08'])('challengeCancel %s → challenge_abandoned', (cancel) => {
    const answer = {
      resultCode: 'AuthenticationFinished',
      threeDS2Result: { transStatus: 'U', challengeCancel: cancel },
    };
    expect(eventOfAnswer(answer, 'later', ID)).toEqual({ type: 'challenge_abandoned' });
  });

  it.each(['02', '06', '07'])('challengeCancel %s keeps the transStatus outcome', (cancel) => {
    const answer = { threeDS2Result: { transStatus: 'N', challengeCancel: cancel } };
    expect(eventOfAnswer(answer, 'later', ID)).toMatchObject({ outcome: 'not_authenticated' });
  });

  it.each(['C', 'D', 'X', ''])('transStatus %s is refused as unknown_status', (transStatus) => {
    expect(
      refusalOf(() =>
        eventOfAnswer(
          { resultCode: 'AuthenticationFinished', threeDS2Result: { transStatus } },
          'later',
          ID,
        ),
      ),
    ).toEqual({ errorType: 'unknown_status', errorCodes: [transStatus] });
  });
});

describe('result fields (docs/adyen-adapter.md#2-snapshot-mapping)', () => {
  const state: AdyenProviderState = {
    phase: 'finished',
    resultCode: 'AuthenticationFinished',
    token: { threeDSServerTransID: 'server-1', acsTransID: 'acs-1', messageVersion: '2.2.0' },
    startedAt: 0,
    challenged: true,
    scheme: 'cartes_bancaires',
    pspReference: 'ABCDEFGHIJKLMNOP',
    recorded: { reference: 'ORD-1', currency: 'EUR', amount: 100 },
  };

  it('reads threeDS2Result, the tokens, the scheme and the resultCode in our words', () => {
    expect(
      resultFieldsOf(state, {
        transStatus: 'Y',
        transStatusReason: '01',
        eci: '05',
        dsTransID: 'ds-1',
        threeDSServerTransID: 'adyen-server',
        messageVersion: '2.2.0',
        timestamp: '2026-01-01T00:00:00Z',
        exemptionIndicator: 'lowValue',
        threeDSRequestorChallengeInd: '04',
        challengeCancel: '02',
        riskScore: '42',
        cavvAlgorithm: '2',
      }),
    ).toEqual({
      checkout_status: 'AuthenticationFinished',
      protocol_version: '2.2.0',
      three_ds_server_transaction_id: 'server-1',
      scheme: 'cartes_bancaires',
      status_reason: undefined,
      response_code: 'Y',
      response_status_reason: '01',
      eci: '05',
      ds_transaction_id: 'ds-1',
      acs_transaction_id: 'acs-1',
      authentication_date: '2026-01-01T00:00:00Z',
      exemption_applied: 'low_value',
      challenged: true,
      flow_type: 'challenged',
      challenge_indicator: 'challenge_requested_mandate',
      challenge_cancel_code: '02',
      cb_score: '42',
      cb_avalgo: '2',
    });
  });

  it('takes the result’s server transaction id without a token, and no CB fields off CB', () => {
    const fields = resultFieldsOf(
      { ...state, token: {}, scheme: 'visa', challenged: false },
      { threeDSServerTransID: 'adyen-server', riskScore: '42', exemptionIndicator: 'unknown' },
    );
    expect(fields).toMatchObject({
      three_ds_server_transaction_id: 'adyen-server',
      protocol_version: '',
      flow_type: 'frictionless',
      exemption_applied: undefined,
      cb_score: undefined,
    });
  });
});
