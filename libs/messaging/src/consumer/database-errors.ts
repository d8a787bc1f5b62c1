/**
 * PostgreSQL errors that say nothing about the event, only about the moment: another transaction won a race, a
 * lock was not granted in time, or the connection went away. Trying again later succeeds, so they never count
 * as an attempt toward the dead-letter topic.
 */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout, NOWAIT)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
]);

// Connection-level failures seen from node-postgres and its pool, which carry no SQLSTATE.
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i, // pg-pool: no connection free in time
  /connection (?:is closed|error)|not queryable/i,
];

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether `error` (or the driver error TypeORM wraps) is a transient database failure. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const driverError = (error as { driverError?: unknown }).driverError;
  if (driverError !== undefined && driverError !== error && isTransientDatabaseError(driverError)) {
    return true;
  }
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : '';
  if (code !== undefined) {
    if (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_SOCKET_CODES.has(code)) {
      return true;
    }
    // query_canceled: a lock timeout is the moment's fault; a statement timeout or a cancel is not.
    if (code === '57014') return /lock timeout/i.test(message);
    if (/^[0-9A-Z]{5}$/.test(code)) return false;
  }
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}
