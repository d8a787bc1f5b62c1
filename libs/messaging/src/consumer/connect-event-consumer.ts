import {
  type ArgumentsHost,
  Catch,
  type INestApplication,
  type INestMicroservice,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { type MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { KafkaEventServer } from './kafka-event.server.js';

/**
 * Hands handler errors to the transport unchanged. Nest's default filter would replace any error with
 * "Internal server error", and the dead letter would no longer say what went wrong.
 */
@Catch()
export class EventErrorPassthrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Connects the app's `@EventPattern` handlers to Kafka through KafkaEventServer; consumption starts with
 * `app.startAllMicroservices()`.
 */
export function connectEventConsumer(app: INestApplication): INestMicroservice {
  // Deferred, so that the filter is in place before Nest wraps the handlers.
  const microservice = app.connectMicroservice<MicroserviceOptions>(
    { strategy: app.get(KafkaEventServer) },
    { deferInitialization: true },
  );
  microservice.useGlobalFilters(new EventErrorPassthrough());
  if (microservice instanceof NestMicroservice) {
    // The application runs the lifecycle hooks; a deferred microservice would run them a second time.
    microservice.setIsInitHookCalled(true);
  }
  return microservice;
}
