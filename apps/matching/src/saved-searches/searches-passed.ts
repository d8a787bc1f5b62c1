import type { ProjectSector, ProjectStage } from '@khoinghiep/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { SavedSearch } from './saved-search.entity.js';

/** What a saved search's filters look at in a project. */
export interface FilteredFacts {
  readonly sector: ProjectSector;
  readonly stage: ProjectStage;
  readonly provinceCode: string;
  /** Whole đồng. */
  readonly fundingAsk: string;
  /** Folded words of title and summary. */
  readonly terms: readonly string[];
}

/**
 * The saved searches that notify, whose filters the project passes, of investors with a published profile: the
 * narrowing done in SQL before anything is scored. Sector, stage and province go through the GIN index on
 * `filter_keys` (each list holds the project's key or the `*` of "any"); the ask range and the words are checked on
 * what the index found.
 */
export function searchesPassedBy(
  manager: EntityManager,
  project: FilteredFacts,
): SelectQueryBuilder<SavedSearch> {
  return manager
    .createQueryBuilder(SavedSearch, 's')
    .where('s.notify')
    .andWhere('s.filterKeys && CAST(:sectorKeys AS text[])', {
      sectorKeys: [`sector:${project.sector}`, 'sector:*'],
    })
    .andWhere('s.filterKeys && CAST(:stageKeys AS text[])', {
      stageKeys: [`stage:${project.stage}`, 'stage:*'],
    })
    .andWhere('s.filterKeys && CAST(:provinceKeys AS text[])', {
      provinceKeys: [`province:${project.provinceCode}`, 'province:*'],
    })
    .andWhere('(s.askMin IS NULL OR s.askMin <= :ask) AND (s.askMax IS NULL OR s.askMax >= :ask)', {
      ask: project.fundingAsk,
    })
    .andWhere('s.queryTerms <@ CAST(:terms AS text[])', { terms: [...project.terms] })
    .andWhere((query) => {
      const published = query
        .subQuery()
        .select('1')
        .from(InvestorProfile, 'p')
        .where('p.investorId = s.investorId AND p.published')
        .getQuery();
      return `EXISTS ${published}`;
    });
}
