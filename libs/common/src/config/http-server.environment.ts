import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Variables every HTTP app of this repo reads; each app's environment class extends it. */
export class HttpServerEnvironment {
  /** Listen address; `0.0.0.0` in containers. */
  @IsString()
  @IsNotEmpty()
  HOST: string = '127.0.0.1';

  /** HTTP port. */
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** `pretty`: lines for people; `json`: one JSON object per line, for log tooling. */
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'pretty';
}
