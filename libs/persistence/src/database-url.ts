export interface DatabaseLocation {
  /** Connection URL of the app's own database. */
  url: string;
  /** Database name, for logs and CREATE DATABASE. */
  name: string;
  /** URL of a database on the same server that always exists, for administration. */
  adminUrl: string;
}

/**
 * Where an app's database lives: `<APP>_DATABASE_URL` if given, else `<prefix><app>` on the `DATABASE_URL` server.
 */
export function databaseLocationFor(
  app: string,
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): DatabaseLocation {
  const server = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const explicit = env[`${app.toUpperCase()}_DATABASE_URL`];
  const url = new URL(explicit || server.href);
  if (!explicit) url.pathname = `/${env.DATABASE_PREFIX ?? 'khoinghiep_'}${app}`;
  const admin = new URL(url.href);
  admin.pathname = '/postgres';
  return { url: url.href, name: decodeURIComponent(url.pathname.slice(1)), adminUrl: admin.href };
}
