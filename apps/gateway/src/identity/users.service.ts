import { IdGenerator } from '@khoinghiep/clock';
import type { Role } from '@khoinghiep/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, QueryFailedError, type Repository } from 'typeorm';
import { normaliseEmail } from './email.js';
import { EmailAlreadyRegisteredError } from './identity.errors.js';
import { PasswordHasher } from './password-hasher.service.js';
import { User } from './user.entity.js';

/** What it takes to open an account, whoever opens it (the person, an admin, or the first-admin seeding). */
export interface NewAccount {
  email: string;
  password: string;
  fullName: string;
  roles: readonly Role[];
}

const UNIQUE_VIOLATION = '23505';

function isDuplicateEmail(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === 'UQ_users_email';
}

/** Accounts: creation with a hashed password, one per email, and lookup. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
  ) {}

  /** Opens an account; `EmailAlreadyRegisteredError` if the address (in any case) has one. */
  async create(account: NewAccount, manager: EntityManager = this.users.manager): Promise<User> {
    const email = normaliseEmail(account.email);
    const repository = manager.getRepository(User);
    // Checked first to spare a hash for an obvious duplicate; the unique constraint settles races.
    if (await repository.exists({ where: { email } })) throw new EmailAlreadyRegisteredError();
    const user = repository.create({
      id: this.ids.next(),
      email,
      passwordHash: await this.hasher.hash(account.password),
      fullName: account.fullName.trim(),
      roles: [...new Set(account.roles)],
    });
    try {
      await repository.insert(user);
    } catch (error) {
      if (isDuplicateEmail(error)) throw new EmailAlreadyRegisteredError();
      throw error;
    }
    this.logger.log(`account ${user.id} opened with roles ${user.roles.join(',')}`);
    return repository.findOneByOrFail({ id: user.id });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normaliseEmail(email) });
  }
}
