import { Clock } from '@khoinghiep/clock';
import type { PutInvestorProfileDto } from '@khoinghiep/contracts';
import { InvalidFieldsError } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { foldTerms } from '../scoring/fold-terms.js';
import { InvestorProfile } from './investor-profile.entity.js';
import { InvestorProfileNotFoundError } from './investor-profile.errors.js';
import { publicFactsOf, storedContent } from './investor-profile.mapper.js';
import {
  contentOf,
  type ProfileContent,
  profileEventFor,
  profileProblems,
  sameContent,
} from './profile-rules.js';
import { profileVersions } from './profile-versions.js';

export interface PutOutcome {
  profile: InvestorProfile;
  created: boolean;
}

const NEXT_REVISION = () => "nextval('investor_profile_revisions')";

/**
 * An investor's own profile. A replacement runs in one transaction: lock the row, check the version it is based on,
 * store the canonical content with its folded thesis words and a new revision, and record the event it means
 * (published, updated, withdrawn, or none) in the outbox.
 */
@Injectable()
export class InvestorProfilesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async own(investorId: string): Promise<InvestorProfile> {
    const profile = await this.dataSource.getRepository(InvestorProfile).findOneBy({ investorId });
    if (!profile) throw new InvestorProfileNotFoundError(investorId, 'own');
    return profile;
  }

  /** Creates the profile when there is none (no version needed), else replaces it (If-Match required). */
  put(investorId: string, body: PutInvestorProfileDto, ifMatch: string | undefined): Promise<PutOutcome> {
    const content = contentOf(body);
    const problems = profileProblems(content);
    if (problems.length > 0) throw new InvalidFieldsError(problems);
    const precondition = profileVersions.precondition(ifMatch, undefined, false);

    return this.unitOfWork.run(async (tx) => {
      const existing = await this.locked(tx, investorId);
      if (!existing) {
        // If-Match names a version of a profile that does not exist: stale against "nothing yet" (version 0).
        profileVersions.assertCurrent(precondition, 0);
        const created = await this.insertIfAbsent(tx, investorId, content);
        if (created) return { profile: created, created: true };
      }
      // A concurrent first PUT may have created it since the lock found nothing: then this one is a replacement.
      const before = existing ?? ((await this.locked(tx, investorId)) as InvestorProfile);
      profileVersions.assertCurrent(profileVersions.required(ifMatch, undefined), before.version);
      return { profile: await this.replace(tx, before, content), created: false };
    });
  }

  private locked(tx: Transaction, investorId: string): Promise<InvestorProfile | null> {
    return tx.manager.findOne(InvestorProfile, {
      where: { investorId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async insertIfAbsent(
    tx: Transaction,
    investorId: string,
    content: ProfileContent,
  ): Promise<InvestorProfile | null> {
    const now = this.clock.now();
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(InvestorProfile)
      .values({
        investorId,
        ...content,
        thesisTerms: foldTerms(content.thesis),
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    if (inserted.raw.length === 0) return null;
    const profile = await tx.manager.findOneByOrFail(InvestorProfile, { investorId });
    this.announce(tx, null, profile);
    return profile;
  }

  private async replace(
    tx: Transaction,
    before: InvestorProfile,
    content: ProfileContent,
  ): Promise<InvestorProfile> {
    if (sameContent(storedContent(before), content)) return before;
    await tx.manager.update(
      InvestorProfile,
      { investorId: before.investorId },
      {
        ...content,
        thesisTerms: foldTerms(content.thesis),
        version: before.version + 1,
        updatedAt: this.clock.now(),
        revision: NEXT_REVISION,
      },
    );
    const after = await tx.manager.findOneByOrFail(InvestorProfile, { investorId: before.investorId });
    this.announce(tx, before, after);
    return after;
  }

  private announce(tx: Transaction, before: InvestorProfile | null, after: InvestorProfile): void {
    const event = profileEventFor(before && storedContent(before), storedContent(after));
    if (event) tx.record(event, after.investorId, publicFactsOf(after));
  }
}
