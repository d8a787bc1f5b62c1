import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Clock } from '@khoinghiep/clock';
import type { RouteDefinition } from '@khoinghiep/contracts';
import { UnitOfWork } from '@khoinghiep/messaging';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { routeOf } from '../handles.decorator.js';
import { IdempotencyKeyReusedError } from './idempotency.errors.js';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

type RequestWithUser = Request & { user?: AuthenticatedUser };

/**
 * Makes every route declared `idempotent` run once per (caller, key): the key row is inserted first inside the
 * command's own unit of work, the handler runs in that same transaction (its `UnitOfWork.run` joins), and the
 * response is stored before commit. A concurrent request with the same key blocks on the primary key until the
 * first commits, then replays it; if the first rolled back, it runs as if first. Only successes are kept: a refused
 * command changed nothing, so retrying it is safe.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = context.getType() === 'http' ? routeOf(context.getHandler()) : undefined;
    if (!route?.idempotent) return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.once(route, request, response, next));
  }

  private async once(
    route: RouteDefinition,
    request: RequestWithUser,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const key = parseIdempotencyKey(request.header('idempotency-key'));
    // Idempotent routes are never public (defineRoutes refuses it), so the guard has set the user.
    const callerId = request.user?.id as string;
    const fingerprint = requestFingerprint(route.operationId, request.params, request.body);
    const replayed = await this.unitOfWork.run(async () => {
      const claimed = await this.txHost.tx
        .createQueryBuilder()
        .insert()
        .into(IdempotencyRecord)
        .values({ callerId, key, operation: route.operationId, fingerprint, createdAt: this.clock.now() })
        .orIgnore()
        .returning(['key'])
        .execute();
      if (claimed.raw.length === 0) {
        // The row committed by the first request (READ COMMITTED: this statement sees it once it has waited).
        const first = await this.txHost.tx.findOneByOrFail(IdempotencyRecord, { callerId, key });
        if (first.operation !== route.operationId || first.fingerprint !== fingerprint)
          throw new IdempotencyKeyReusedError(first.operation);
        return first;
      }
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers: Record<string, string> = {};
      for (const name of route.response.headers ?? []) {
        const value = response.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await this.txHost.tx.update(
        IdempotencyRecord,
        { callerId, key },
        { responseStatus: route.response.status, responseBody: body ?? null, responseHeaders: headers },
      );
      return { body };
    });
    if (!(replayed instanceof IdempotencyRecord)) return replayed.body;
    for (const [name, value] of Object.entries(replayed.responseHeaders ?? {}))
      response.setHeader(name, value);
    response.status(replayed.responseStatus ?? route.response.status);
    return replayed.responseBody ?? undefined;
  }
}
