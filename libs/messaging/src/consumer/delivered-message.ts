import type { IHeaders } from 'kafkajs';

/** A Kafka message as the consumer received it. */
export interface DeliveredMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
}
