import { Injectable } from '@nestjs/common';
import { CheckoutError } from '../http/checkout-error.js';
import type { SimulatedSession } from './simulated-session.js';

/** In-memory sessions; the simulator keeps no database. */
@Injectable()
export class SessionStore {
  private readonly sessions = new Map<string, SimulatedSession>();
  private readonly byAcsTransaction = new Map<string, string>();

  add(session: SimulatedSession): void {
    this.sessions.set(session.id, session);
  }

  /** The session, or Checkout's 404. */
  get(id: string): SimulatedSession {
    const session = this.sessions.get(id);
    if (!session) throw CheckoutError.notFound();
    return session;
  }

  find(id: string): SimulatedSession | undefined {
    return this.sessions.get(id);
  }

  indexAcsTransaction(acsTransactionId: string, sessionId: string): void {
    this.byAcsTransaction.set(acsTransactionId, sessionId);
  }

  findByAcsTransaction(acsTransactionId: string): SimulatedSession | undefined {
    const id = this.byAcsTransaction.get(acsTransactionId);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  all(): SimulatedSession[] {
    return [...this.sessions.values()];
  }

  clear(): void {
    this.sessions.clear();
    this.byAcsTransaction.clear();
  }
}
