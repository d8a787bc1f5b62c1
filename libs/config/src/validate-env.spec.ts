import { ServiceEnv, validateEnv, validateServiceEnv, withInstallationJwtSecret } from '@khoinghiep/config';
import 'reflect-metadata';

const A_SECRET = 'x'.repeat(40);

describe('validateEnv', () => {
  const validate = validateEnv(ServiceEnv);

  it('gives working local defaults when nothing but the key is set', () => {
    const env = validate({ JWT_SECRET: A_SECRET });
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(env.DATABASE_PREFIX).toBe('khoinghiep_');
    expect(env.NODE_ENV).toBe('development');
  });

  it('listens on loopback unless told otherwise, and refuses an address that is not one', () => {
    expect(validate({ JWT_SECRET: A_SECRET }).HOST).toBe('127.0.0.1');
    expect(validate({ JWT_SECRET: A_SECRET, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => validate({ JWT_SECRET: A_SECRET, HOST: 'everywhere' })).toThrow(/HOST/);
  });

  it('refuses to start in production without a real JWT secret', () => {
    expect(() => validate({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => validate({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(validate({ NODE_ENV: 'production', JWT_SECRET: A_SECRET }).JWT_SECRET).toHaveLength(40);
  });

  it('reads the port as a number and rejects a non-numeric one', () => {
    expect(validate({ JWT_SECRET: A_SECRET, PORT: '4101' }).PORT).toBe(4101);
    expect(() => validate({ JWT_SECRET: A_SECRET, PORT: 'abc' })).toThrow(/PORT/);
  });

  it('lists an unknown NODE_ENV as a problem', () => {
    expect(() => validate({ JWT_SECRET: A_SECRET, NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });
});

describe('withInstallationJwtSecret', () => {
  const local = () => 'k'.repeat(64);

  it('fills an unset key with the installation key outside production', () => {
    expect(withInstallationJwtSecret({}, local).JWT_SECRET).toBe(local());
    expect(withInstallationJwtSecret({ NODE_ENV: 'test', JWT_SECRET: '' }, local).JWT_SECRET).toBe(local());
  });

  it('keeps a key that was given, and never makes one up in production', () => {
    expect(withInstallationJwtSecret({ JWT_SECRET: A_SECRET }, local).JWT_SECRET).toBe(A_SECRET);
    expect(withInstallationJwtSecret({ NODE_ENV: 'production' }, local).JWT_SECRET).toBeUndefined();
    expect(() => validateServiceEnv(ServiceEnv)({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
