import { type Actor, type EventEnvelope, ROLES, type Role } from '@khoinghiep/contracts';
import {
  type ContextActor,
  currentActor,
  currentCausationId,
  currentCorrelationId,
  type RequestContextStore,
} from '@khoinghiep/observability';
import { ClsServiceManager } from 'nestjs-cls';

/** Who and what caused the events a transaction records. */
export interface EventOrigin {
  readonly correlationId: string;
  readonly actor: Actor;
  readonly causationId: string | null;
}

/** The origin of work started by a request (or by nothing: then a fresh correlation id and the system). */
export function originOfRequest(newId: () => string): EventOrigin {
  return {
    correlationId: currentCorrelationId() ?? newId(),
    actor: toActor(currentActor()),
    causationId: currentCausationId(),
  };
}

/** The origin of work caused by a consumed event: same correlation and actor, caused by that event. */
export function originOfEvent(cause: EventEnvelope): EventOrigin {
  return { correlationId: cause.correlationId, actor: cause.actor, causationId: cause.id };
}

/**
 * Runs `work` with the request context of a consumed event, so logs and nested work carry its ids. The context
 * inherits the enclosing one, which holds the consuming transaction.
 */
export function inContextOf<T>(cause: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  return cls.run({ ifNested: 'inherit' }, () => {
    cls.set('correlationId', cause.correlationId);
    cls.set('causationId', cause.id);
    cls.set('actor', { userId: cause.actor.userId, roles: [...cause.actor.roles] });
    return work();
  });
}

const KNOWN_ROLES = new Set<string>(ROLES);

// The request context may carry markers that are not platform roles (e.g. "system"); an envelope holds roles only.
function toActor(actor: ContextActor): Actor {
  return {
    userId: actor.userId,
    roles: actor.roles.filter((role): role is Role => KNOWN_ROLES.has(role)),
  };
}
