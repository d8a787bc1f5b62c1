import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Settings for a connection of the relay's own, outside TypeORM's pool: it holds the leader's advisory lock for as
 * long as it lives, so it must not be handed to anyone else.
 */
export function relayConnectionConfig(dataSource: DataSource): pg.ClientConfig {
  const options = dataSource.options;
  if (options.type !== 'postgres') {
    throw new Error(`the outbox relay needs PostgreSQL, not ${options.type}`);
  }
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    // TypeORM and pg both hand these to node:tls; their typings differ only in server-side callbacks.
    ssl: options.ssl as pg.ClientConfig['ssl'],
    application_name: `${options.applicationName ?? 'khoinghiep'}-outbox-relay`,
    // Notices a vanished leader's host instead of holding the lock on a dead socket.
    keepAlive: true,
  };
}
