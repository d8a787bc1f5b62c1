import { Role } from '@khoinghiep/contracts';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { normaliseEmail } from './email.js';
import { passwordViolations } from './password-policy.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

const LOCK_KEY = 'gateway.first-admin';

/**
 * Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when the platform has no admin yet, so a fresh
 * installation can be operated. Several gateways starting together agree through an advisory lock.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    private readonly config: ConfigService,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get<string>('ADMIN_EMAIL');
    const password = this.config.get<string>('ADMIN_PASSWORD');
    if (!email || !password) {
      this.logger.log('ADMIN_EMAIL/ADMIN_PASSWORD not set: no first admin will be created');
      return;
    }
    const broken = passwordViolations(password, email);
    if (broken.length > 0) {
      // The rules it breaks, never the password itself.
      throw new Error(`ADMIN_PASSWORD does not meet the password policy (${broken.join(', ')})`);
    }
    await this.ensureFirstAdmin(email, password);
  }

  /** Creates the admin unless one exists; answers whether it did. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
      const adminExists = await manager
        .getRepository(User)
        .createQueryBuilder('user')
        .where(':role = ANY(user.roles)', { role: Role.Admin })
        .getExists();
      if (adminExists) return false;
      if (await manager.getRepository(User).exists({ where: { email: normaliseEmail(email) } })) {
        // Never promote an existing account: whoever registered that address first would become admin.
        this.logger.error(`ADMIN_EMAIL belongs to an existing non-admin account: no first admin created`);
        return false;
      }
      const admin = await this.users.create(
        { email, password, fullName: 'Administrator', roles: [Role.Admin] },
        manager,
      );
      this.logger.log(`first admin ${admin.id} created from ADMIN_EMAIL`);
      return true;
    });
  }
}
