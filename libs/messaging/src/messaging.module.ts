import { ClockModule } from '@khoinghiep/clock';
import { ConfigurableModuleBuilder, Module } from '@nestjs/common';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { KafkaEventServer } from './consumer/kafka-event.server.js';
import { EventProducer } from './kafka/event-producer.js';
import { type MessagingOptions, resolveMessagingOptions } from './messaging.options.js';
import { MESSAGING_OPTIONS } from './messaging.tokens.js';
import { UnitOfWork } from './outbox/unit-of-work.js';
import { OutboxRelay } from './relay/outbox-relay.js';
import { OutboxSignal } from './relay/outbox-signal.js';
import { MessagingRetention } from './retention/messaging-retention.js';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<MessagingOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();

/**
 * Outbox, relay and event consumer for one app. Needs TypeORM's DataSource (from the app's persistence module)
 * and the tables of MESSAGING_MIGRATIONS; stamps envelopes with the global Clock and IdGenerator. Global by default, so any module can inject UnitOfWork.
 */
@Module({
  imports: [
    ClockModule,
    // One way of carrying a transaction through a call: TransactionHost / @Transactional() on the app's DataSource.
    ClsModule.registerPlugins([
      new ClsPluginTransactional({
        adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: DataSource }),
      }),
    ]),
  ],
  providers: [
    {
      provide: MESSAGING_OPTIONS,
      inject: [MODULE_OPTIONS_TOKEN],
      useFactory: (options: MessagingOptions) => resolveMessagingOptions(options),
    },
    EventProducer,
    OutboxSignal,
    UnitOfWork,
    OutboxRelay,
    KafkaEventServer,
    MessagingRetention,
  ],
  exports: [UnitOfWork, OutboxRelay, KafkaEventServer, EventProducer],
})
export class MessagingModule extends ConfigurableModuleClass {}
