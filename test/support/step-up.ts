import type { StepUpRequest } from '@app/api-client';
import { FRICTIONLESS_Y } from './claims.js';
import { aBrowserChannel } from './simulator/factories.js';

/** The step-up body: the same card again, browser data with it (docs/step-up.md). */
export const aStepUp = (number = FRICTIONLESS_Y, overrides: Partial<StepUpRequest> = {}) =>
  ({
    source: { type: 'card', number, expiry_month: 12, expiry_year: 2030 },
    channel: 'browser',
    channel_data: aBrowserChannel(),
    ...overrides,
  }) as StepUpRequest;
