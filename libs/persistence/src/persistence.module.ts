import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { databaseLocationFor } from './database-url.js';
import { ensureDatabase } from './ensure-database.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface AppPersistence {
  /** App name; its database is `<prefix><app>` unless `<APP>_DATABASE_URL` is set. */
  app: string;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM's own option types use Function for entity classes.
  entities: MixedList<Function>;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM's own option types use Function for migration classes.
  migrations: MixedList<Function>;
}

/** TypeORM options every app shares: migrations only (never synchronize), run at boot, each in its own transaction. */
export function dataSourceOptionsFor(persistence: AppPersistence, env = process.env): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseLocationFor(persistence.app, env).url,
    entities: persistence.entities,
    migrations: persistence.migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: `khoinghiep-${persistence.app}`,
    extra: { max: Number(env.DATABASE_POOL_SIZE ?? 10) },
  };
}

@Module({})
export class PersistenceModule {
  /** The app's database: created if missing, migrated at boot. */
  static forApp(persistence: AppPersistence): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabase(databaseLocationFor(persistence.app, process.env));
            return dataSourceOptionsFor(persistence);
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
