import { InboxEvent } from './inbox-event.entity.js';
import { MessagingTables1767225600000 } from './messaging-tables.migration.js';
import { OutboxEvent } from './outbox-event.entity.js';
import { MessagingOutboxParking1767225600002 } from './outbox-parking.migration.js';
import { MessagingOutboxVacuum1767225600001 } from './outbox-vacuum.migration.js';

/** For an app's TypeORM `entities`: lets it read the tables and lets the missing-migration check see them. */
export const MESSAGING_ENTITIES = [OutboxEvent, InboxEvent];

/** For an app's TypeORM `migrations`. */
export const MESSAGING_MIGRATIONS = [
  MessagingTables1767225600000,
  MessagingOutboxVacuum1767225600001,
  MessagingOutboxParking1767225600002,
];
