/**
 * Types of threeds.js, the browser helper the orchestrator serves at /js/threeds.js.
 *
 *   import { authenticate } from 'https://<orchestrator>/js/threeds.js';
 *   const authentication = await authenticate({ backend, container });
 *
 * The helper never holds the orchestrator's API key: `backend` is the merchant's own server,
 * which calls the orchestrator's API (`/v1/authentications…`) with its key.
 */

export type AuthenticationState =
  | 'created'
  | 'creation_unknown'
  | 'awaiting_issuer_fingerprint'
  | 'awaiting_channel_data'
  | 'challenge_required'
  | 'result_ready'
  | 'completed'
  | 'closed';

export type Outcome =
  | 'authenticated'
  | 'attempted'
  | 'informational'
  | 'not_authenticated'
  | 'rejected'
  | 'unavailable'
  | 'abandoned'
  | 'expired'
  | 'error';

export type Guidance =
  | 'proceed_with_liability_shift'
  | 'proceed_without_liability_shift'
  | 'do_not_proceed'
  | 'retry_authentication';

/** `next_action` of an authentication, as the orchestrator's API answers it. */
export type NextAction =
  | {
      type: 'three_ds_method';
      method_url: string;
      three_ds_method_data: string;
      notification_url: string;
      timeout_seconds: number;
    }
  | { type: 'collect_channel_data'; channel: 'browser' }
  | {
      type: 'collect_channel_data';
      channel: 'app';
      ds_id: string | null;
      protocol_version: string;
      ds_public_key: string | null;
      ca_public: string | null;
      ca_public_all: string[] | null;
      three_ds_server_transaction_id: string;
    }
  | { type: 'challenge'; channel: 'browser'; acs_url: string; creq: string }
  | {
      type: 'challenge';
      channel: 'app';
      acs_transaction_id: string;
      acs_reference_number: string;
      acs_signed_content: string;
      three_ds_server_transaction_id: string;
      protocol_version: string;
    }
  | { type: 'redirect'; acs_url: string; pareq: string; term_url: string; md: string };

/** The authentication as `GET /v1/authentications/{id}` answers it (other fields pass through). */
export interface Authentication {
  id: string;
  state: AuthenticationState;
  outcome: Outcome | null;
  guidance: Guidance | null;
  next_action: NextAction | null;
  [field: string]: unknown;
}

/**
 * The EMV browser fields JavaScript can read. Before sending them as `channel_data` the backend
 * adds `accept_header` (the request's Accept header) and `ip_address` (the client address).
 */
export interface BrowserData {
  channel: 'browser';
  java_enabled: boolean;
  javascript_enabled: true;
  language: string;
  color_depth: string;
  screen_height: string;
  screen_width: string;
  /** UTC minus local time in minutes (`Date.prototype.getTimezoneOffset()`). */
  timezone: string;
  user_agent: string;
}

/** The orchestrator's answer to a 3DS Method (EMV threeDSCompInd). */
export type MethodCompletion = 'Y' | 'N' | 'U';

/**
 * The merchant backend, as the page reaches it (fetch to the merchant's own routes). Each call
 * maps to one orchestrator call and resolves with the authentication it answers; a failure
 * rejects (the helper passes the rejection on).
 */
export interface MerchantBackend {
  /** `POST /v1/authentications` (channel `browser`, without `channel_data`). */
  start(): Promise<Authentication>;
  /** `POST /v1/authentications/{id}/issuer-fingerprint` with `{"completion": …}`. */
  reportMethod(id: string, completion: MethodCompletion): Promise<Authentication>;
  /**
   * `POST /v1/authentications/{id}/channel-data` with `{"channel_data": {...browserData,
   * accept_header, ip_address}}`.
   */
  submitBrowserData(id: string, browserData: BrowserData): Promise<Authentication>;
  /** `GET /v1/authentications/{id}`. */
  get(id: string): Promise<Authentication>;
}

/** EMV challengeWindowSize: 01 = 250×400, 02 = 390×400, 03 = 500×600, 04 = 600×400, 05 = full. */
export type ChallengeWindowSize = '01' | '02' | '03' | '04' | '05';

export type ProgressStep =
  | 'created'
  | 'method_started'
  | 'method_completed'
  /** No notice within the 3DS Method's time-out (10 s): completion N is reported. */
  | 'method_timed_out'
  | 'browser_data_sent'
  | 'challenge_shown'
  | 'challenge_completed'
  /** A message shaped like a notice came from another origin or another frame. */
  | 'message_ignored'
  | 'final';

export interface Progress {
  step: ProgressStep;
  authentication?: Authentication;
  /** `challenge_shown`: the size used. */
  challengeWindowSize?: ChallengeWindowSize;
  /** `message_ignored`: why, and where the message came from. */
  reason?: 'origin' | 'frame';
  origin?: string;
}

export interface AuthenticateOptions {
  backend: MerchantBackend;
  /**
   * Where the challenge iframe goes when its size fits; without one (and for size 05, or on
   * screens narrower than 600 px) it is shown over the page.
   */
  container?: HTMLElement;
  /**
   * The challenge frame's size. Default: the CReq's own `challengeWindowSize`, else 05. This sizes
   * the frame only: the issuer lays its page out for the size in the CReq, so an override that
   * differs from it may crop or pad that page.
   */
  challengeWindowSize?: ChallengeWindowSize;
  /**
   * The orchestrator's origin (its BROWSER_BASE_URL), whose notification pages post the
   * completion messages. Default: the origin this script was loaded from.
   */
  notificationOrigin?: string;
  /** How long to poll for the final state after the challenge (default 30 000 ms). */
  resultTimeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type ThreeDsErrorCode =
  'invalid_options' | 'backend_error' | 'app_channel' | 'result_timeout' | 'aborted';

export declare class ThreeDsError extends Error {
  /** `backend_error`: a backend callback answered with something that is not an authentication. */
  readonly code: ThreeDsErrorCode;
  /** The authentication as last seen, when there is one. */
  readonly authentication?: Authentication;
  /** With `backend_error`: what the callback answered (e.g. the error body it passed on). */
  readonly answer?: unknown;
  constructor(
    code: ThreeDsErrorCode,
    message: string,
    authentication?: Authentication,
    answer?: unknown,
  );
}

export declare const CHALLENGE_WINDOW_SIZES: Readonly<
  Record<ChallengeWindowSize, Readonly<{ width: number; height: number }> | null>
>;

/** The EMV browser fields JavaScript can read (see BrowserData). */
export declare function collectBrowserData(): BrowserData;

/**
 * Runs the authentication to a final state (`result_ready`, `completed` or `closed`) and
 * resolves with it, whatever its outcome; rejects with a ThreeDsError or the backend's error.
 */
export declare function authenticate(options: AuthenticateOptions): Promise<Authentication>;
