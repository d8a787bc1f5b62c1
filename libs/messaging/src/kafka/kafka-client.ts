import { Logger } from '@nestjs/common';
import { Kafka, type LogEntry, logLevel } from 'kafkajs';

/** A kafkajs client whose own logs go through Nest's logger (and so into the app's JSON logs). */
export function createKafkaClient(clientId: string, brokers: string[]): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: () => logKafkaEntry,
  });
}

const logger = new Logger('kafkajs');

function logKafkaEntry({ level, log }: LogEntry): void {
  const { message, ...details } = log;
  const line = Object.keys(details).length > 0 ? `${message} ${JSON.stringify(details)}` : message;
  if (level === logLevel.ERROR) {
    logger.error(line);
  } else if (level === logLevel.WARN) {
    logger.warn(line);
  } else {
    logger.debug(line);
  }
}
