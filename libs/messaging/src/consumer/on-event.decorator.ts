import type { EventContract } from '@khoinghiep/contracts';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PARAM_ARGS_METADATA } from '@nestjs/microservices/constants.js';
import type { EventContext } from './event-context.js';

/**
 * `@EventPattern(contract.type)` with the handler's signature checked against the contract:
 * `@OnEvent(ProjectSubmitted) onSubmitted(payload: ProjectSubmittedPayload, context: EventContext)`.
 * Without parameter decorators of its own, the handler gets the payload and the context, in that order.
 *
 * A plain `@EventPattern` works the same at run time, but Nest types its handlers as `(data, ...args: unknown[])`,
 * so a typed `@Ctx()` parameter there needs `@EventPattern<string>(…)`.
 */
export function OnEvent<P extends object>(contract: EventContract<P>) {
  return <M extends (payload: P, context: EventContext<P>) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    if (!Reflect.hasOwnMetadata(PARAM_ARGS_METADATA, target.constructor, key)) {
      Payload()(target, key, 0);
      Ctx()(target, key, 1);
    }
    EventPattern<string>(contract.type)(target, key, descriptor);
  };
}
