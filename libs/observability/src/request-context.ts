import { ClsServiceManager, type ClsStore } from 'nestjs-cls';
import { v7 as uuidv7 } from 'uuid';

/** Whoever caused what is happening: a signed-in user, or the system (`userId: null`). */
export interface ContextActor {
  userId: string | null;
  roles: string[];
}

/** What travels with a request or a consumed event, for logs and event envelopes. */
export interface RequestContextStore extends ClsStore {
  correlationId?: string;
  causationId?: string | null;
  actor?: ContextActor;
}

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const ACCEPTABLE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's correlation id is kept if it looks like one; otherwise the request starts a new one. */
export function correlationIdFrom(header: unknown): string {
  return typeof header === 'string' && ACCEPTABLE_CORRELATION_ID.test(header) ? header : uuidv7();
}

function activeStore(): RequestContextStore | undefined {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  return cls.isActive() ? cls.get() : undefined;
}

export function currentCorrelationId(): string | undefined {
  return activeStore()?.correlationId;
}

export function currentCausationId(): string | null {
  return activeStore()?.causationId ?? null;
}

/** Work no person asked for (scheduled jobs, start-up): no user, no roles. */
export const SYSTEM_ACTOR: ContextActor = Object.freeze({ userId: null, roles: [] as string[] });

export function currentActor(): ContextActor {
  return activeStore()?.actor ?? SYSTEM_ACTOR;
}
