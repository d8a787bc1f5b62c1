import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentCorrelationId } from './request-context.js';

const SECRET_FIELDS = ['password', 'passwordHash', 'accessToken', 'authorization', 'token', 'secret'];

type JsonLogObject = ReturnType<ConsoleLogger['getJsonLogObject']>;

/** One JSON object per line, tagged with the service and the correlation id of the work in progress. */
export class JsonLogger extends ConsoleLogger {
  constructor(
    private readonly service: string,
    logLevels: LogLevel[],
  ) {
    super({ json: true, logLevels, redact: SECRET_FIELDS });
  }

  protected override getJsonLogObject(
    message: unknown,
    options: Parameters<ConsoleLogger['getJsonLogObject']>[1],
  ): JsonLogObject {
    const record = super.getJsonLogObject(message, options);
    const correlationId = currentCorrelationId();
    return { ...record, service: this.service, ...(correlationId ? { correlationId } : {}) };
  }
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The logger for an app, showing `level` and everything more severe. */
export function createJsonLogger(service: string, level: LogLevel = 'log'): JsonLogger {
  return new JsonLogger(service, LEVELS.slice(0, LEVELS.indexOf(level) + 1));
}
