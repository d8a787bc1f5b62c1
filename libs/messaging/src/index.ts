export { connectEventConsumer, EventErrorPassthrough } from './consumer/connect-event-consumer.js';
export { partitionLag } from './consumer/consumer-lag.js';
export { type DeadLetterReason, DLQ_HEADERS } from './consumer/dead-letter.js';
export type { DeliveredMessage } from './consumer/delivered-message.js';
export { EventContext } from './consumer/event-context.js';
export { KafkaEventServer } from './consumer/kafka-event.server.js';
export { OnEvent } from './consumer/on-event.decorator.js';
export {
  DEFAULT_REPLAY_GROUP,
  type ReplayReport,
  type ReplayRequest,
  replayDeadLetters,
} from './dlq/dead-letter-replay.js';
export { EventProducer } from './kafka/event-producer.js';
export { ensureTopics } from './kafka/topic-provisioner.js';
export { MessagingModule } from './messaging.module.js';
export type {
  ConsumerOptions,
  MessagingOptions,
  RelayOptions,
  RetentionOptions,
  RetryPolicy,
} from './messaging.options.js';
export { InboxEvent } from './outbox/inbox-event.entity.js';
export { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './outbox/messaging-entities.js';
export { MessagingTables1767225600000 } from './outbox/messaging-tables.migration.js';
export { OutboxEvent } from './outbox/outbox-event.entity.js';
export { MessagingOutboxVacuum1767225600001 } from './outbox/outbox-vacuum.migration.js';
export { InvalidEventError, type Transaction } from './outbox/transaction.js';
export { UnitOfWork, type UnitOfWorkOptions } from './outbox/unit-of-work.js';
export { OutboxRelay } from './relay/outbox-relay.js';
export { MessagingRetention, type PrunedRows } from './retention/messaging-retention.js';
