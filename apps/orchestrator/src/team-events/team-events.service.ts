import { EndpointLimitReachedError, EndpointNotFoundError, EventNotFoundError } from '@app/domain';
import {
  TeamEndpointRepository,
  TeamEventRepository,
  type DeliveryView,
  type TeamEndpointEntity,
  type TeamEventEntity,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { newId } from '../common/ids.js';
import { SecretBox } from '../security/secret-box.js';
import type {
  CreateEndpointRequestDto,
  ResendEventRequestDto,
  UpdateEndpointRequestDto,
} from './dto/team-events.request.dto.js';
import { EndpointUrlPolicy } from './endpoint-url.policy.js';

type Json = Record<string, unknown>;

/** Active endpoints per team: every event is sent to each of them. */
const MAX_ENDPOINTS_PER_TEAM = 10;

/** Teams' endpoints and the events (with every delivery attempt) they were sent. */
@Injectable()
export class TeamEventsService {
  constructor(
    private readonly endpoints: TeamEndpointRepository,
    private readonly events: TeamEventRepository,
    private readonly policy: EndpointUrlPolicy,
    private readonly secrets: SecretBox,
  ) {}

  /** The signing secret is shown here once; we keep it only encrypted. */
  async createEndpoint(team: string, request: CreateEndpointRequestDto): Promise<Json> {
    const url = await this.policy.check(request.url);
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const endpoint = await this.endpoints.createWithinLimit(
      {
        id: newId('ep'),
        teamId: team,
        url: url.toString(),
        description: request.description ?? null,
        secretCiphertext: this.secrets.encrypt(secret),
        redeliverDeadEvents: request.redeliver_dead_events ?? true,
      },
      MAX_ENDPOINTS_PER_TEAM,
    );
    if (endpoint === 'limit_reached') throw new EndpointLimitReachedError(MAX_ENDPOINTS_PER_TEAM);
    return { ...endpointView(endpoint), secret };
  }

  async listEndpoints(team: string): Promise<Json> {
    return { data: (await this.endpoints.listActive(team)).map(endpointView) };
  }

  async updateEndpoint(team: string, id: string, request: UpdateEndpointRequestDto) {
    const endpoint = await this.endpoints.setRedelivery(team, id, request.redeliver_dead_events);
    if (!endpoint) throw new EndpointNotFoundError(id);
    return endpointView(endpoint);
  }

  async removeEndpoint(team: string, id: string): Promise<void> {
    if (!(await this.endpoints.disable(team, id))) throw new EndpointNotFoundError(id);
  }

  async listEvents(team: string, authenticationId: string | undefined, limit = 20) {
    const events = await this.events.listForTeam(team, { authenticationId, limit });
    const deliveries = await this.events.deliveriesOf(events.map((event) => event.id));
    return { data: events.map((event) => eventView(event, deliveries.get(event.id) ?? [])) };
  }

  async event(team: string, id: string): Promise<Json> {
    const event = await this.events.findForTeam(team, id);
    if (!event) throw new EventNotFoundError(id);
    const deliveries = await this.events.deliveriesOf([id]);
    return eventView(event, deliveries.get(id) ?? []);
  }

  async resend(team: string, id: string, request: ResendEventRequestDto): Promise<Json> {
    if (!(await this.events.findForTeam(team, id))) throw new EventNotFoundError(id);
    const endpointId = request.endpoint_id;
    if (endpointId && !(await this.endpoints.findForTeam(team, endpointId))?.id) {
      throw new EndpointNotFoundError(endpointId);
    }
    const queued = await this.events.resend(team, id, endpointId);
    return { event_id: id, queued };
  }
}

function endpointView(endpoint: TeamEndpointEntity): Json {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    redeliver_dead_events: endpoint.redeliverDeadEvents,
    created_at: endpoint.createdAt.toISOString(),
  };
}

function eventView(event: TeamEventEntity, deliveries: readonly DeliveryView[]): Json {
  return {
    id: event.id,
    type: event.type,
    authentication_id: event.authenticationId,
    created_at: event.createdAt.toISOString(),
    payload: event.payload,
    deliveries: deliveries.map(({ delivery, attempts }) => ({
      endpoint_id: delivery.endpointId,
      state: delivery.state,
      attempts: delivery.attempts,
      next_attempt_at: delivery.nextAttemptAt?.toISOString() ?? null,
      delivered_at: delivery.deliveredAt?.toISOString() ?? null,
      attempt_log: attempts.map((attempt) => ({
        at: attempt.at.toISOString(),
        status: attempt.status,
        error: attempt.error,
        duration_ms: attempt.durationMs,
      })),
    })),
  };
}
