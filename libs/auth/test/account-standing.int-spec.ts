import 'reflect-metadata';
import { Role } from '@khoinghiep/contracts';
import type { EventContext } from '@khoinghiep/messaging';
import {
  databaseLocationFor,
  dataSourceOptionsFor,
  ensureDatabase,
  pendingSchemaChanges,
} from '@khoinghiep/persistence';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  ACCOUNT_STANDING_ENTITIES,
  ACCOUNT_STANDING_MIGRATIONS,
  AccountStandingProjector,
  AccountStandingRecord,
  ServiceAccountStanding,
} from '../src/account-standing/index.js';
import { AccessTokenRevokedError, AccountDeactivatedError } from '../src/auth.errors.js';

/** The read model of account standing in a database of its own, fed as the consumer would feed it. */
describe('account standing read model against PostgreSQL', () => {
  const persistence = {
    app: 'auth_standing',
    entities: ACCOUNT_STANDING_ENTITIES,
    migrations: ACCOUNT_STANDING_MIGRATIONS,
  };
  const env = { ...process.env, DATABASE_PREFIX: process.env.DATABASE_PREFIX ?? 'khoinghiep_test_' };
  let dataSource: DataSource;
  const projector = new AccountStandingProjector();
  const context = () => ({ manager: dataSource.manager }) as unknown as EventContext;
  const accountId = crypto.randomUUID();
  const standingOf = (status: 'active' | 'deactivated', securityVersion: number) => ({
    accountId,
    status,
    roles: [Role.ProgrammeOfficer],
    securityVersion,
    reason: 'kiểm thử',
  });
  const known = () => dataSource.getRepository(AccountStandingRecord).findOneBy({ accountId });

  beforeAll(async () => {
    const location = databaseLocationFor(persistence.app, env);
    const admin = new pg.Client({ connectionString: location.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(location.name)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await ensureDatabase(location);
    dataSource = await new DataSource(dataSourceOptionsFor(persistence, env)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('has a migration for exactly what the entity declares', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('keeps the newest standing of an account, whatever order the events come in', async () => {
    await projector.onDeactivated(standingOf('deactivated', 1), context());
    expect(await known()).toMatchObject({ status: 'deactivated', securityVersion: 1 });
    await projector.onRolesChanged(standingOf('deactivated', 3), context());
    // A late or replayed older event changes nothing.
    await projector.onReactivated(standingOf('active', 2), context());
    await projector.onDeactivated(standingOf('deactivated', 1), context());
    expect(await known()).toMatchObject({ status: 'deactivated', securityVersion: 3 });
    await projector.onReactivated(standingOf('active', 4), context());
    expect(await known()).toMatchObject({ status: 'active', securityVersion: 4 });
  });

  it('answers the staff check from what it keeps', async () => {
    const standing = new ServiceAccountStanding(dataSource);
    const officer = (securityVersion: number) => ({
      user: { id: accountId, email: 'o@x.vn', name: 'O', roles: [Role.ProgrammeOfficer] },
      securityVersion,
      issuedAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await projector.onDeactivated(standingOf('deactivated', 5), context());
    await expect(standing.admit(officer(5))).rejects.toBeInstanceOf(AccountDeactivatedError);
    await projector.onReactivated(standingOf('active', 6), context());
    await expect(standing.admit(officer(5))).rejects.toBeInstanceOf(AccessTokenRevokedError);
    await expect(standing.admit(officer(6))).resolves.toBeUndefined();
  });
});
