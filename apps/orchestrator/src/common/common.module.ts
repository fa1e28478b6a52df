import { Module } from '@nestjs/common';
import { Failpoints } from './failpoints.js';
import { OutageRetries } from './outage-retries.js';

/** Process-wide helpers the features share: crash-test failpoints, writes kept through an outage. */
@Module({ providers: [Failpoints, OutageRetries], exports: [Failpoints, OutageRetries] })
export class CommonModule {}
