import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Password hashing with argon2id. Keeps a hash of a random password so that a login for an unknown email costs
 * the same as one for a known email (no timing hint about which addresses have accounts).
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }

  /** Spends the time of a real verification and answers `false`. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(crypto.randomUUID());
    await verify(await this.dummyHash, password);
    return false;
  }
}
