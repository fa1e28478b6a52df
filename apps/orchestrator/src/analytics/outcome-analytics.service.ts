import { BIN_RANGES } from '@app/domain';
import { OutcomeSummaryRepository, type OutcomeSummaryTerms } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CHALLENGE_STATES, RESULT_EVENTS, SCHEMES } from '../metrics/metric-labels.js';
import { analyticsWindow } from './analytics-window.js';
import type { AnalyticsWindowQueryDto } from './dto/analytics-window.query.dto.js';
import { outcomeSummaryView } from './outcome-summary.view.js';

/** The failure reasons a group lists: enough to see what dominates, few enough to read. */
export const TOP_FAILURE_REASONS = 10;

/** The metrics' words for a scheme and a flow, so that a summary and a dashboard agree. */
const METRIC_TERMS: OutcomeSummaryTerms = {
  schemes: SCHEMES,
  binRanges: BIN_RANGES,
  challengeStates: CHALLENGE_STATES,
  resultEvents: RESULT_EVENTS,
};

/** A team's outcomes over a window, grouped by scheme, channel and exemption. */
@Injectable()
export class OutcomeAnalytics {
  constructor(private readonly summaries: OutcomeSummaryRepository) {}

  async summary(team: string, query: AnalyticsWindowQueryDto): Promise<Record<string, unknown>> {
    const window = analyticsWindow(query, new Date());
    const groups = await this.summaries.summarize({
      teamId: team,
      ...window,
      topReasons: TOP_FAILURE_REASONS,
      terms: METRIC_TERMS,
    });
    return outcomeSummaryView(window, groups);
  }
}
