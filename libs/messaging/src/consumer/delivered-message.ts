import type { IHeaders } from 'kafkajs';

/** A Kafka message as the consumer received it. */
export interface DeliveredMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Producer's timestamp (ms since the epoch, as text), as Kafka stores it. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
}
