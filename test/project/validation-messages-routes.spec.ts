import { AnalyticsWindowQueryDto } from '../../apps/orchestrator/src/analytics/dto/analytics-window.query.dto.js';
import { SubmitChannelDataRequestDto } from '../../apps/orchestrator/src/authentications/dto/channel-data.request.dto.js';
import { ListAuthenticationsQueryDto } from '../../apps/orchestrator/src/authentications/dto/list-authentications.query.dto.js';
import { CreateEndpointRequestDto } from '../../apps/orchestrator/src/team-events/dto/team-events.request.dto.js';
import { refusal } from '../support/validation-refusals.js';

/** The other routes' bodies and query parameters, named the same way as the create's. */
describe('validation messages: other routes', () => {
  it('names query parameters and bodies of other routes the same way', async () => {
    expect(await refusal(ListAuthenticationsQueryDto, { limit: '500' }, 'query')).toEqual({
      errors: [{ param: 'limit', message: 'must be an integer between 1 and 100' }],
    });
    expect(await refusal(AnalyticsWindowQueryDto, { to: '2026-02-30T00:00:00Z' }, 'query')).toEqual(
      {
        errors: [
          {
            param: 'to',
            message: 'must be an ISO 8601 date and time, such as 2025-02-14T09:30:00Z',
          },
        ],
      },
    );
    expect(await refusal(CreateEndpointRequestDto, { description: 'x' })).toEqual({
      errors: [{ param: 'url', message: 'is required' }],
    });
  });

  it('refuses a body class-transformer cannot shape as a whole, naming no field', async () => {
    // class-transformer throws on an array of null where a discriminated object goes.
    expect(await refusal(SubmitChannelDataRequestDto, { channel_data: [null] })).toEqual({
      errors: [{ param: '', message: 'is not of the shape this route takes' }],
    });
  });
});
