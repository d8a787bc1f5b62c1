import { AccessTokenService, AccountDeactivatedError, type AuthenticatedUser } from '@khoinghiep/auth';
import { Role } from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import type { LoginResponse, SecondFactorChallengeResponse, UserView } from './dto/user-view.dto.js';
import { AccountNotFoundError, InvalidCredentialsError } from './identity.errors.js';
import { PasswordHasher } from './password-hasher.service.js';
import { secondFactorRequiredFor } from './second-factor/second-factor.policy.js';
import { SecondFactorService } from './second-factor/second-factor.service.js';
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
    private readonly secondFactor: SecondFactorService,
  ) {}

  async register(registration: Registration): Promise<UserView> {
    const user = await this.users.create({ ...registration, roles: [registration.role] });
    return toUserView(user);
  }

  /**
   * A token for the right email and password, or, when the account has an active second factor, a challenge to
   * complete with a code (`SecondFactorService.completeSignIn`). `InvalidCredentialsError` for anything else, in
   * about the same time.
   */
  async login(email: string, password: string): Promise<LoginResponse | SecondFactorChallengeResponse> {
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    if (!user || !valid) throw new InvalidCredentialsError();
    // Only once the password is right, so the answer tells nothing about accounts to whoever does not know it.
    if (user.status === 'deactivated') throw new AccountDeactivatedError();
    if (await this.secondFactor.isActive(user.id)) {
      return {
        secondFactorRequired: true,
        ...this.secondFactor.challenge(user),
        methods: ['totp', 'recovery-code'],
      };
    }
    return {
      ...this.tokens.issue(toAuthenticatedUser(user), user.securityVersion),
      user: toUserView(user),
      // Staff who decide on money sign in without one, to enrol; their token cannot make money decisions.
      secondFactor: secondFactorRequiredFor(user.roles) ? 'enrolment-required' : 'not-enrolled',
    };
  }

  async me(caller: AuthenticatedUser): Promise<UserView> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new AccountNotFoundError();
    return toUserView(user);
  }
}

function toAuthenticatedUser(user: User): AuthenticatedUser {
  return { id: user.id, email: user.email, name: user.fullName, roles: [...user.roles], amr: ['pwd'] };
}
