import { AccessTokenService, AccountDeactivatedError, type AuthenticatedUser } from '@khoinghiep/auth';
import { Clock, IdGenerator } from '@khoinghiep/clock';
import { InvalidFieldsError } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { type AccountChange, AccountSecurityChange } from '../account-security-change.entity.js';
import type { LoginResponse } from '../dto/user-view.dto.js';
import { GatewayAccountStanding } from '../gateway-account-standing.js';
import {
  AccountNotFoundByIdError,
  AccountNotFoundError,
  OwnAccountChangeError,
  SecondFactorAlreadyEnrolledError,
  SecondFactorCodeInvalidError,
  SecondFactorLockedError,
  SecondFactorNotEnrolledError,
  SecondFactorRejectedError,
  SignInChallengeInvalidError,
} from '../identity.errors.js';
import { PasswordHasher } from '../password-hasher.service.js';
import { User } from '../user.entity.js';
import { toUserView } from '../user.mapper.js';
import { newRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.js';
import { RecoveryCode, SecondFactor } from './second-factor.entity.js';
import { secondFactorRequiredFor } from './second-factor.policy.js';
import { SecretBox } from './secret-box.js';
import { acceptedStep, newTotpSecret, totpUri } from './totp.js';

/** Wrong codes in a row before an account's code attempts are refused for a while. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 5 * 60_000;

/** What the account holder proves with: a code of the authenticator, or one of the recovery codes. */
export interface SecondFactorProof {
  code?: string;
  recoveryCode?: string;
}

export interface SecondFactorState {
  status: 'not-enrolled' | 'pending' | 'active';
  required: boolean;
  recoveryCodesLeft: number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

/**
 * The second factor of an account (TOTP, RFC 6238): enrolment (secret, then a first valid code), the second step
 * of a sign-in, recovery codes, and disabling. Each code is good once; wrong codes are counted per account and
 * lock further attempts for a while; every change is audited as a security change of the account.
 */
@Injectable()
export class SecondFactorService {
  private readonly logger = new Logger(SecondFactorService.name);
  private readonly box: SecretBox;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly standing: GatewayAccountStanding,
    config: ConfigService,
  ) {
    this.box = new SecretBox(
      config.get<string>('SECOND_FACTOR_KEY') ?? `totp:${config.getOrThrow<string>('JWT_SECRET')}`,
    );
  }

  async state(caller: AuthenticatedUser): Promise<SecondFactorState> {
    const factor = await this.dataSource.getRepository(SecondFactor).findOneBy({ accountId: caller.id });
    const recoveryCodesLeft =
      factor?.status === 'active'
        ? await this.dataSource
            .getRepository(RecoveryCode)
            .countBy({ accountId: caller.id, usedAt: IsNull() })
        : 0;
    return {
      status: factor?.status ?? 'not-enrolled',
      required: secondFactorRequiredFor(caller.roles),
      recoveryCodesLeft,
    };
  }

  /** Whether the account must give a code after its password. */
  async isActive(accountId: string): Promise<boolean> {
    return this.dataSource.getRepository(SecondFactor).existsBy({ accountId, status: 'active' });
  }

  /** A new secret for the caller's authenticator, replacing an enrolment not yet confirmed. */
  begin(caller: AuthenticatedUser): Promise<{ secret: string; otpauthUri: string }> {
    return this.unitOfWork.run(async (tx) => {
      const user = await this.lockedUser(tx.manager, caller.id);
      const factors = tx.manager.getRepository(SecondFactor);
      const existing = await factors.findOneBy({ accountId: user.id });
      if (existing?.status === 'active') throw new SecondFactorAlreadyEnrolledError();
      const secret = newTotpSecret();
      await factors.save({
        accountId: user.id,
        secretCiphertext: this.box.seal(secret),
        status: 'pending',
        lastUsedStep: null,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: this.clock.now(),
        confirmedAt: null,
      });
      return { secret, otpauthUri: totpUri(secret, user.email) };
    });
  }

  /**
   * Confirms an enrolment with a first valid code: the authenticator becomes active, fresh recovery codes are
   * made (shown this once), other sessions end (security version raised) and the caller gets a token issued with
   * the second factor.
   */
  async confirm(
    caller: AuthenticatedUser,
    code: string,
  ): Promise<LoginResponse & { recoveryCodes: string[] }> {
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const hashes = await Promise.all(recoveryCodes.map((recoveryCode) => this.hasher.hash(recoveryCode)));
    const user = await this.settle(
      this.unitOfWork.run(async (tx): Promise<Outcome<User>> => {
        const user = await this.lockedUser(tx.manager, caller.id);
        const factor = await this.lockedFactor(tx.manager, user.id);
        if (factor?.status !== 'pending') return refuse(new SecondFactorNotEnrolledError('pending'));
        const step = this.checkLock(factor) ?? (await this.totpStep(factor, code));
        if (step instanceof Error) return this.fail(tx.manager, factor, step);
        if (step === null) return this.fail(tx.manager, factor, new SecondFactorCodeInvalidError());
        const now = this.clock.now();
        Object.assign(factor, { status: 'active', confirmedAt: now, lastUsedStep: step, failedAttempts: 0 });
        await tx.manager.getRepository(SecondFactor).save(factor);
        const codes = tx.manager.getRepository(RecoveryCode);
        await codes.delete({ accountId: user.id });
        await codes.insert(
          hashes.map((codeHash) => ({ id: this.ids.next(), accountId: user.id, codeHash, createdAt: now })),
        );
        await this.audit(tx, user, 'second-factor-enrolled', 'TOTP authenticator enrolled');
        return accept(user);
      }),
    );
    return { ...this.issue(user, ['pwd', 'otp']), recoveryCodes };
  }

  /**
   * Disables the caller's authenticator, proven with a current code or an unused recovery code. Its recovery
   * codes go with it, and tokens issued with it end (security version raised): the caller gets a password-only
   * token.
   */
  async disable(caller: AuthenticatedUser, proof: SecondFactorProof): Promise<LoginResponse> {
    const kind = proofKind(proof);
    const user = await this.settle(
      this.unitOfWork.run(async (tx): Promise<Outcome<User>> => {
        const user = await this.lockedUser(tx.manager, caller.id);
        const factor = await this.lockedFactor(tx.manager, user.id);
        if (factor?.status !== 'active') return refuse(new SecondFactorNotEnrolledError('active'));
        const proven = this.checkLock(factor) ?? (await this.prove(tx.manager, factor, kind));
        if (proven instanceof Error) return this.fail(tx.manager, factor, proven);
        if (proven === null) {
          const wrong = kind.code !== undefined ? new SecondFactorCodeInvalidError() : recoveryCodeInvalid();
          return this.fail(tx.manager, factor, wrong);
        }
        await tx.manager.getRepository(RecoveryCode).delete({ accountId: user.id });
        await tx.manager.getRepository(SecondFactor).delete({ accountId: user.id });
        await this.audit(tx, user, 'second-factor-disabled', `TOTP authenticator disabled with ${proven}`);
        return accept(user);
      }),
    );
    return this.issue(user, ['pwd']);
  }

  /**
   * An admin removes someone else's second factor (authenticator and recovery codes lost): audited with the
   * admin as actor and the reason; the account's tokens end, and it signs in with its password alone until it
   * enrols again.
   */
  async reset({ accountId, actorId, reason }: { accountId: string; actorId: string; reason: string }) {
    if (accountId === actorId) throw new OwnAccountChangeError();
    const user = await this.settle(
      this.unitOfWork.run(async (tx): Promise<Outcome<User>> => {
        const user = await tx.manager
          .getRepository(User)
          .findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
        if (!user) return refuse(new AccountNotFoundByIdError());
        const factor = await this.lockedFactor(tx.manager, user.id);
        if (!factor) return refuse(new SecondFactorNotEnrolledError('active'));
        await tx.manager.getRepository(RecoveryCode).delete({ accountId: user.id });
        await tx.manager.getRepository(SecondFactor).delete({ accountId: user.id });
        await this.audit(tx, user, 'second-factor-reset', reason, true, actorId);
        return accept(user);
      }),
    );
    return user;
  }

  /**
   * The second step of a sign-in: the challenge the password step gave, and a code (or a recovery code). A
   * token issued with the second factor on success.
   */
  async completeSignIn(challengeToken: string, proof: SecondFactorProof): Promise<LoginResponse> {
    const kind = proofKind(proof);
    const challenge = this.tokens.verifyChallenge(challengeToken);
    if (!challenge) throw new SignInChallengeInvalidError();
    const user = await this.settle(
      this.unitOfWork.run(async (tx): Promise<Outcome<User>> => {
        const user = await tx.manager
          .getRepository(User)
          .findOne({ where: { id: challenge.accountId }, lock: { mode: 'pessimistic_write' } });
        if (!user || user.securityVersion !== challenge.securityVersion)
          return refuse(new SignInChallengeInvalidError());
        if (user.status === 'deactivated') return refuse(new AccountDeactivatedError());
        const factor = await this.lockedFactor(tx.manager, user.id);
        if (factor?.status !== 'active') return refuse(new SignInChallengeInvalidError());
        const proven = this.checkLock(factor) ?? (await this.prove(tx.manager, factor, kind));
        if (proven instanceof Error) return this.fail(tx.manager, factor, proven);
        if (proven === null) return this.fail(tx.manager, factor, new SecondFactorRejectedError());
        if (proven === 'a recovery code')
          await this.audit(tx, user, 'recovery-code-used', 'signed in with a recovery code', false);
        return accept(user);
      }),
    );
    return this.issue(user, ['pwd', 'otp']);
  }

  /** A sign-in challenge for an account whose password was right. */
  challenge(user: User): { challengeToken: string; expiresIn: number } {
    return this.tokens.issueChallenge(user.id, user.securityVersion);
  }

  private issue(user: User, amr: AuthenticatedUser['amr']): LoginResponse {
    const authenticated: AuthenticatedUser = {
      id: user.id,
      email: user.email,
      name: user.fullName,
      roles: [...user.roles],
      amr,
    };
    return {
      ...this.tokens.issue(authenticated, user.securityVersion),
      user: toUserView(user),
      secondFactor: amr?.includes('otp')
        ? 'verified'
        : secondFactorRequiredFor(user.roles)
          ? 'enrolment-required'
          : 'not-enrolled',
    };
  }

  /** What proved the account holder (for the audit), `null` if the proof was wrong. Marks a recovery code used. */
  private async prove(
    manager: EntityManager,
    factor: SecondFactor,
    proof: SecondFactorProof,
  ): Promise<'a code' | 'a recovery code' | null> {
    if (proof.code !== undefined) {
      const step = await this.totpStep(factor, proof.code);
      if (step === null) return null;
      factor.lastUsedStep = step;
      factor.failedAttempts = 0;
      factor.lockedUntil = null;
      await manager.getRepository(SecondFactor).save(factor);
      return 'a code';
    }
    const typed = normaliseRecoveryCode(proof.recoveryCode ?? '');
    if (typed === null) return null;
    const codes = manager.getRepository(RecoveryCode);
    const unused = await codes.find({
      where: { accountId: factor.accountId, usedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    for (const candidate of unused) {
      if (await this.hasher.verify(candidate.codeHash, typed)) {
        await codes.update({ id: candidate.id }, { usedAt: this.clock.now() });
        factor.failedAttempts = 0;
        factor.lockedUntil = null;
        await manager.getRepository(SecondFactor).save(factor);
        return 'a recovery code';
      }
    }
    return null;
  }

  private async totpStep(factor: SecondFactor, code: string): Promise<number | null> {
    return acceptedStep(this.box.open(factor.secretCiphertext), code, this.clock.now(), factor.lastUsedStep);
  }

  /** The lock error if the account's code attempts are locked now; `undefined` otherwise. */
  private checkLock(factor: SecondFactor): SecondFactorLockedError | undefined {
    const now = this.clock.now().getTime();
    if (!factor.lockedUntil || factor.lockedUntil.getTime() <= now) return undefined;
    return new SecondFactorLockedError(Math.ceil((factor.lockedUntil.getTime() - now) / 1000));
  }

  /** Counts a wrong code (locking at the limit) and commits it: the refusal is thrown after the commit. */
  private async fail<T>(manager: EntityManager, factor: SecondFactor, error: Error): Promise<Outcome<T>> {
    if (error instanceof SecondFactorLockedError) return refuse(error);
    factor.failedAttempts += 1;
    if (factor.failedAttempts >= MAX_FAILED_ATTEMPTS) {
      factor.failedAttempts = 0;
      factor.lockedUntil = new Date(this.clock.now().getTime() + LOCK_MS);
      this.logger.warn(
        `second factor of ${factor.accountId} locked after ${MAX_FAILED_ATTEMPTS} wrong codes`,
      );
    }
    await manager.getRepository(SecondFactor).save(factor);
    return refuse(error);
  }

  private async settle<T>(outcome: Promise<Outcome<T>>): Promise<T> {
    const settled = await outcome;
    if (!settled.ok) throw settled.error;
    return settled.value;
  }

  private async lockedUser(manager: EntityManager, accountId: string): Promise<User> {
    const user = await manager
      .getRepository(User)
      .findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new AccountNotFoundError();
    return user;
  }

  private lockedFactor(manager: EntityManager, accountId: string): Promise<SecondFactor | null> {
    return manager
      .getRepository(SecondFactor)
      .findOne({ where: { accountId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Audits a change of the account's second factor, by its holder unless an admin is named. Enrolling,
   * disabling and resetting end the account's other sessions (security version raised); a used recovery code
   * does not.
   */
  private async audit(
    tx: Transaction,
    user: User,
    change: AccountChange,
    reason: string,
    endSessions = true,
    actorId = user.id,
  ): Promise<void> {
    if (endSessions) {
      user.securityVersion += 1;
      await tx.manager.getRepository(User).save(user);
      tx.afterCommit(() => this.standing.forget(user.id));
    }
    await tx.manager.getRepository(AccountSecurityChange).insert({
      id: this.ids.next(),
      accountId: user.id,
      change,
      reason,
      actorId,
      status: user.status,
      roles: user.roles,
      securityVersion: user.securityVersion,
      occurredAt: this.clock.now(),
    });
    this.logger.log(`account ${user.id}: ${change} (security version ${user.securityVersion})`);
  }
}

function accept<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

function refuse<T>(error: Error): Outcome<T> {
  return { ok: false, error };
}

function recoveryCodeInvalid(): InvalidFieldsError {
  return new InvalidFieldsError([
    {
      field: 'recoveryCode',
      message: { vi: 'mã khôi phục không đúng hoặc đã dùng', en: 'recovery code is wrong or already used' },
    },
  ]);
}

/** Exactly one of `code` and `recoveryCode`, or a `400` naming both. */
function proofKind(proof: SecondFactorProof): SecondFactorProof {
  const hasCode = proof.code !== undefined;
  const hasRecovery = proof.recoveryCode !== undefined;
  if (hasCode !== hasRecovery) return hasCode ? { code: proof.code } : { recoveryCode: proof.recoveryCode };
  const message = {
    vi: 'gửi đúng một trong hai: code hoặc recoveryCode',
    en: 'send exactly one of code and recoveryCode',
  };
  throw new InvalidFieldsError([
    { field: 'code', message },
    { field: 'recoveryCode', message },
  ]);
}
