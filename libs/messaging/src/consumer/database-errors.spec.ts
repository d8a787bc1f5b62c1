import { QueryFailedError } from 'typeorm';
import { isTransientDatabaseError } from './database-errors.js';

const pgError = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const wrapped = (error: Error) => new QueryFailedError('UPDATE item SET n = 1', [], error);

describe('isTransientDatabaseError', () => {
  it.each([
    ['serialization failure', pgError('40001', 'could not serialize access due to concurrent update')],
    ['deadlock', pgError('40P01', 'deadlock detected')],
    ['lock not available', pgError('55P03', 'canceling statement due to lock timeout')],
    ['query canceled by the lock timeout', pgError('57014', 'canceling statement due to lock timeout')],
    ['server shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['connection failure', pgError('08006', 'connection failure')],
    ['connection refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection lost', new Error('Connection terminated unexpectedly')],
    ['pool exhausted', new Error('timeout exceeded when trying to connect')],
  ])('retries a %s without limit', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isTransientDatabaseError(wrapped(error))).toBe(true);
  });

  it.each([
    ['unique violation', pgError('23505', 'duplicate key value violates unique constraint "item_pkey"')],
    ['check violation', pgError('23514', 'new row violates check constraint')],
    ['statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['missing table', pgError('42P01', 'relation "item" does not exist')],
    ['value too long', pgError('22001', 'value too long for type character varying(10)')],
    ['handler bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('counts a %s as an attempt toward the dead-letter topic', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
    expect(isTransientDatabaseError(wrapped(error))).toBe(false);
  });

  it('is false for what is not an error object', () => {
    expect(isTransientDatabaseError('40001')).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });
});
