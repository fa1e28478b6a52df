/** One HTTP answer of a canary step: its status and its JSON body (undefined when empty). */
export interface CanaryAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** Where two answers differ, and what each side had, as the report prints it. */
export interface CanaryDifference {
  readonly path: string;
  readonly sandbox: string;
  readonly simulator: string;
}

export function jsonType(value: unknown): string;
export function compareAnswers(sandbox: CanaryAnswer, simulator: CanaryAnswer): CanaryDifference[];
export function describeDifference(where: string, difference: CanaryDifference): string;
