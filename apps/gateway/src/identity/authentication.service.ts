import { AccessTokenService, AccountDeactivatedError, type AuthenticatedUser } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import type { LoginResponse, UserView } from './dto/user-view.dto.js';
import { AccountNotFoundError, InvalidCredentialsError } from './identity.errors.js';
import { PasswordHasher } from './password-hasher.service.js';
import type { User } from './user.entity.js';
import { toUserView } from './user.mapper.js';
import { UsersService } from './users.service.js';

export interface Registration {
  email: string;
  password: string;
  fullName: string;
  role: Role.Founder | Role.Investor;
}

/** Self-registration, sign-in and "who am I". */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {}

  async register(registration: Registration): Promise<UserView> {
    const user = await this.users.create({ ...registration, roles: [registration.role] });
    return toUserView(user);
  }

  /** A token for the right email and password; `InvalidCredentialsError` for anything else, in about the same time. */
  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    if (!user || !valid) throw new InvalidCredentialsError();
    // Only once the password is right, so the answer tells nothing about accounts to whoever does not know it.
    if (user.status === 'deactivated') throw new AccountDeactivatedError();
    return {
      ...this.tokens.issue(toAuthenticatedUser(user), user.securityVersion),
      user: toUserView(user),
    };
  }

  async me(caller: AuthenticatedUser): Promise<UserView> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new AccountNotFoundError();
    return toUserView(user);
  }
}

function toAuthenticatedUser(user: User): AuthenticatedUser {
  return { id: user.id, email: user.email, name: user.fullName, roles: [...user.roles] };
}
