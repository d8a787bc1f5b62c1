import { ServiceEnv, validateEnv } from '@khoinghiep/config';
import 'reflect-metadata';

describe('validateEnv', () => {
  const validate = validateEnv(ServiceEnv);

  it('gives working local defaults when nothing is set', () => {
    const env = validate({});
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(env.DATABASE_PREFIX).toBe('khoinghiep_');
    expect(env.NODE_ENV).toBe('development');
  });

  it('refuses to start in production without a real JWT secret', () => {
    expect(() => validate({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => validate({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(validate({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).JWT_SECRET).toHaveLength(40);
  });

  it('reads the port as a number and rejects a non-numeric one', () => {
    expect(validate({ PORT: '4101' }).PORT).toBe(4101);
    expect(() => validate({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('lists an unknown NODE_ENV as a problem', () => {
    expect(() => validate({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });
});
