import { Injectable, type OnModuleDestroy } from '@nestjs/common';

interface Timer {
  readonly dueAt: number;
  readonly run: () => void;
  handle: NodeJS.Timeout;
}

/**
 * Wall time plus an offset the control API can advance, and timers on that time: advancing the
 * clock fires every timer that became due, so expiry and webhook retries can be tested quickly.
 */
@Injectable()
export class SimulatorClock implements OnModuleDestroy {
  private offsetMs = 0;
  private readonly timers = new Set<Timer>();

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  /** Runs `run` once the simulated time reaches `dueAt`. */
  at(dueAt: number, run: () => void): void {
    const timer = { dueAt, run } as Timer;
    timer.handle = setTimeout(() => this.fire(timer), Math.max(0, dueAt - this.now()));
    timer.handle.unref();
    this.timers.add(timer);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    for (const timer of [...this.timers].sort((a, b) => a.dueAt - b.dueAt)) {
      if (timer.dueAt <= this.now()) {
        this.fire(timer);
      }
    }
  }

  reset(): void {
    this.offsetMs = 0;
    this.cancelAll();
  }

  onModuleDestroy(): void {
    this.cancelAll();
  }

  private fire(timer: Timer): void {
    if (!this.timers.delete(timer)) {
      return;
    }
    clearTimeout(timer.handle);
    timer.run();
  }

  private cancelAll(): void {
    this.timers.forEach((timer) => clearTimeout(timer.handle));
    this.timers.clear();
  }
}
