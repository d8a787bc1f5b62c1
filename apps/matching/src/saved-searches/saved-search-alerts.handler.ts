import { Clock } from '@khoinghiep/clock';
import { ProjectApproved, type ProjectApprovedPayload } from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { In } from 'typeorm';
import { termsOfApproval } from '../catalogue/catalogue-writes.js';
import { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import { preferencesOf } from '../matches/scorer-inputs.js';
import { type NotificationDraft, savedSearchMatch } from '../notifications/notification-texts.js';
import { NotificationWriter } from '../notifications/notification-writer.js';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import type { ProjectFacts } from '../scoring/match-inputs.js';
import { prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { scoreMatch } from '../scoring/score-match.js';
import { weightsInForce } from '../weights/weights-in-force.js';
import { searchesPassedBy } from './searches-passed.js';

/** The scorer's view of a project as its approval describes it. */
export function factsOfApproval(payload: ProjectApprovedPayload, trainingCompleted: boolean): ProjectFacts {
  return {
    projectId: payload.projectId,
    sector: payload.sector,
    stage: payload.stage,
    provinceCode: payload.provinceCode,
    fundingAsk: Number(payload.fundingAsk),
    targetGroups: payload.targetGroups,
    ocopStars: payload.ocopStars,
    certificationLevel: payload.certificationLevel,
    terms: termsOfApproval(payload),
    trainingCompleted,
  };
}

/**
 * A project published (`ProjectApproved`): every saved search that notifies, whose filters it passes and whose
 * investor's score for it (published profile, weights in force) reaches the search's minimum, notifies that investor
 * once. A republication scores again but notifies no pair twice (the notification's subject is the pair); an
 * approval older than the catalogue's version of the project notifies nobody.
 */
@Controller()
export class SavedSearchAlerts {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly clock: Clock,
  ) {}

  @OnEvent(ProjectApproved)
  async onApproved(payload: ProjectApprovedPayload, context: EventContext): Promise<void> {
    const { manager } = context;
    const catalogued = await manager.findOneBy(CataloguedProject, { projectId: payload.projectId });
    // An approval older than what the catalogue knows (a late delivery, a dead letter replayed after the project
    // was unpublished or approved again) announces nothing new.
    if (catalogued && catalogued.lastVersion > payload.version) return;
    const facts = factsOfApproval(payload, catalogued?.trainingCompleted ?? false);
    const searches = await searchesPassedBy(manager, { ...facts, fundingAsk: payload.fundingAsk }).getMany();
    if (searches.length === 0) return;

    const weights = await weightsInForce(manager, this.clock.now());
    const project = prepareProject(facts);
    const profiles = await manager.findBy(InvestorProfile, {
      investorId: In([...new Set(searches.map((search) => search.investorId))]),
      published: true,
    });
    const scores = new Map(
      profiles.map((profile) => [
        profile.investorId,
        scoreMatch(prepareInvestor(preferencesOf(profile)), project, weights),
      ]),
    );
    const drafts: NotificationDraft[] = [];
    for (const search of searches) {
      const score = scores.get(search.investorId);
      if (score === undefined || score === null || score < search.minScore) continue;
      drafts.push(
        savedSearchMatch({
          investorId: search.investorId,
          savedSearchId: search.id,
          searchName: search.name,
          projectId: payload.projectId,
          projectTitle: payload.title,
          provinceCode: payload.provinceCode,
          score,
        }),
      );
    }
    await this.writer.write(manager, context.envelope.id, drafts);
  }
}
