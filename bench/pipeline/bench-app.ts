import { withDeadLetterTopic } from '@khoinghiep/contracts';
import {
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingModule,
  type MessagingOptions,
} from '@khoinghiep/messaging';
import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { BenchServiceConfig } from './bench-event.js';

export class BenchEffects1767225600009 implements MigrationInterface {
  name = 'BenchEffects1767225600009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE bench_effect (event_id uuid PRIMARY KEY, phase varchar(20) NOT NULL, i integer NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bench_effect');
  }
}

/** A service as the apps build theirs: its own database, the messaging module, its controllers. */
export function benchAppModule(
  service: string,
  config: BenchServiceConfig,
  messaging: Omit<MessagingOptions, 'service' | 'brokers' | 'topics'>,
  controllers: Type[] = [],
): Type {
  @Module({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: config.databaseUrl,
        entities: MESSAGING_ENTITIES,
        migrations: [...MESSAGING_MIGRATIONS, BenchEffects1767225600009],
        migrationsRun: true,
        applicationName: service,
        extra: { max: 20 },
      }),
      MessagingModule.forRoot({
        service,
        brokers: config.brokers,
        topics: withDeadLetterTopic({ name: config.topic, partitions: 6 }),
        ...messaging,
      }),
    ],
    controllers,
  })
  class BenchAppModule {}
  return BenchAppModule;
}
