/** What every scripted fault carries: an optional session scope and an optional use count. */
export interface Scripted {
  /**
   * Only requests or deliveries about this session (Checkout's session id, Adyen's
   * pspReference); undefined = all.
   */
  readonly sessionId?: string;
  /** Uses left; undefined = until cleared. */
  remaining?: number;
}

/** A list of scripted faults where the first match applies and one use is consumed per match. */
export class ScriptedFaults<F extends Scripted> {
  private faults: F[] = [];

  add(fault: F): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
  }

  protected takeFirst(
    matches: (fault: F) => boolean,
    sessionId: string | undefined,
  ): F | undefined {
    const fault = this.faults.find(
      (candidate) =>
        matches(candidate) &&
        (candidate.sessionId === undefined || candidate.sessionId === sessionId),
    );
    if (fault?.remaining !== undefined && --fault.remaining <= 0) {
      this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  }
}
