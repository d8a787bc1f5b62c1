import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Clock } from '@khoinghiep/clock';
import {
  type InvestorMatchView,
  PAGE_SIZE,
  type Page,
  type PageQueryDto,
  type ProjectInvestorMatchesView,
  Role,
  TOP_INVESTORS_PER_PROJECT,
} from '@khoinghiep/contracts';
import { RoleRequiredError } from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { toCardView } from '../profiles/investor-profile.mapper.js';
import { explainMatch } from '../scoring/explain-match.js';
import type { ExplainedMatch, MatchWeights } from '../scoring/match-inputs.js';
import { type PreparedProject, prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { scoreMatch } from '../scoring/score-match.js';
import { weightsInForce } from '../weights/weights-in-force.js';
import { MatchProjectNotFoundError } from './match.errors.js';
import { explanationView, toMatchedProjectView } from './match.mapper.js';
import { type MatchKey, type MatchPage, rankAfter, readMatchCursor, readMatchPage } from './match-pages.js';
import { PREFERENCE_COLUMNS, preferencesOf, projectFactsOf } from './scorer-inputs.js';
import { projectListIsCurrent } from './stored-list-trust.js';
import { ProjectMatch } from './stored-match.entity.js';

/** An investor matched to the project, with what the page shows of them. */
interface InvestorMatch extends MatchKey {
  readonly profile: InvestorProfile;
  readonly explained: ExplainedMatch;
}

type PreferenceRow = Pick<InvestorProfile, (typeof PREFERENCE_COLUMNS)[number]>;

const READERS = [Role.Founder, Role.ProgrammeOfficer, Role.Admin];
const OFFICERS: readonly string[] = [Role.ProgrammeOfficer, Role.Admin];

/**
 * A published project's best-fitting investors, for its founder (and officers): pages ranked by score from the
 * stored list (`project_matches`), beyond it scored on demand (see `readMatchPage`); and a founder's overview, each
 * published project with its best few.
 */
@Injectable()
export class ProjectInvestorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(
    user: AuthenticatedUser,
    projectId: string,
    query: PageQueryDto,
  ): Promise<Page<InvestorMatchView>> {
    if (!user.roles.some((role) => READERS.includes(role as Role))) throw new RoleRequiredError(READERS);
    const cursor = readMatchCursor(query.cursor);
    const project = isUuid(projectId)
      ? await this.dataSource.getRepository(CataloguedProject).findOneBy({ projectId, published: true })
      : null;
    // Another founder's project is not theirs to see: the same 404 as a project that does not exist.
    const mayRead =
      project !== null && (project.ownerId === user.id || user.roles.some((role) => OFFICERS.includes(role)));
    if (!mayRead) throw new MatchProjectNotFoundError(projectId);
    const weights = await weightsInForce(this.dataSource.manager, this.clock.now());
    const page = await this.page(project, weights, cursor, query.limit ?? PAGE_SIZE.default);
    return {
      items: page.items.map((match) => toInvestorMatchView(match, weights)),
      nextCursor: page.nextCursor,
    };
  }

  /** Each of the founder's published projects, newest publication first, with its best investors. */
  async mine(user: AuthenticatedUser): Promise<ProjectInvestorMatchesView[]> {
    if (!user.roles.includes(Role.Founder)) throw new RoleRequiredError([Role.Founder]);
    const projects = await this.dataSource.getRepository(CataloguedProject).find({
      where: { ownerId: user.id, published: true },
      order: { publishedAt: 'DESC', projectId: 'ASC' },
    });
    const weights = await weightsInForce(this.dataSource.manager, this.clock.now());
    const overview: ProjectInvestorMatchesView[] = [];
    for (const project of projects) {
      const page = await this.page(project, weights, null, TOP_INVESTORS_PER_PROJECT);
      overview.push({
        project: toMatchedProjectView(project),
        investors: page.items.map((match) => toInvestorMatchView(match, weights)),
      });
    }
    return overview;
  }

  private page(
    project: CataloguedProject,
    weights: MatchWeights,
    cursor: MatchKey | null,
    limit: number,
  ): Promise<MatchPage<InvestorMatch>> {
    const prepared = prepareProject(projectFactsOf(project));
    return readMatchPage<InvestorMatch>(
      {
        stored: (after, count) => this.stored(prepared, weights, after, count),
        computed: (after, count) => this.computed(prepared, weights, after, count),
      },
      cursor,
      limit,
    );
  }

  /**
   * The stored list after the cursor, published profiles only. Not trusted (null) when the index's record says it
   * is not current, or when a row's score is not what the investor's profile gives now (a change the index has not
   * applied yet).
   */
  private async stored(
    project: PreparedProject,
    weights: MatchWeights,
    cursor: MatchKey | null,
    count: number,
  ): Promise<InvestorMatch[] | null> {
    const projectId = project.facts.projectId;
    if (!(await projectListIsCurrent(this.dataSource.manager, projectId, weights.versionId))) return null;
    const query = this.dataSource
      .getRepository(InvestorProfile)
      .createQueryBuilder('ip')
      .innerJoin(ProjectMatch, 'm', 'm.investorId = ip.investorId AND m.projectId = :projectId', {
        projectId,
      })
      .addSelect('m.score', 'stored_score')
      .where('ip.published = true')
      .orderBy('m.score', 'DESC')
      .addOrderBy('m.investorId', 'ASC')
      .limit(count);
    if (cursor) query.andWhere('(m.score < :score OR (m.score = :score AND m.investorId > :id))', cursor);
    const { entities, raw } = await query.getRawAndEntities<{ stored_score: number }>();
    const matches: InvestorMatch[] = [];
    for (const [index, profile] of entities.entries()) {
      const explained = explainMatch(prepareInvestor(preferencesOf(profile)), project, weights);
      if (explained.excluded || explained.score !== raw[index]?.stored_score) return null;
      matches.push({ id: profile.investorId, score: explained.score, profile, explained });
    }
    return matches;
  }

  /**
   * Every published profile whose hard filters the project passes (SQL narrows first, reading only what the scorer
   * needs), scored, the best `count` after the cursor kept; then their cards and explanations.
   */
  private async computed(
    project: PreparedProject,
    weights: MatchWeights,
    cursor: MatchKey | null,
    count: number,
  ): Promise<InvestorMatch[]> {
    const { facts } = project;
    const query = this.dataSource
      .getRepository(InvestorProfile)
      .createQueryBuilder('ip')
      .select(`ip.${PREFERENCE_COLUMNS[0]}`, PREFERENCE_COLUMNS[0])
      .where('ip.published = true')
      .andWhere('ip.ticketMin <= :ask AND ip.ticketMax >= :ask', { ask: String(facts.fundingAsk) })
      .andWhere('NOT (:sector = ANY(ip.excludedSectors))', { sector: facts.sector })
      .andWhere(
        '(NOT ip.provincesOnly OR cardinality(ip.provinceCodes) = 0 OR :province = ANY(ip.provinceCodes))',
        {
          province: facts.provinceCode,
        },
      );
    for (const column of PREFERENCE_COLUMNS.slice(1)) query.addSelect(`ip.${column}`, column);
    const rows = await query.getRawMany<PreferenceRow>();
    const best = rankAfter(
      rows,
      (row) => row.investorId,
      (row) => scoreMatch(prepareInvestor(preferencesOf(row)), project, weights),
      cursor,
      count,
    );
    if (best.length === 0) return [];
    const profiles = new Map(
      (
        await this.dataSource
          .getRepository(InvestorProfile)
          .findBy({ investorId: In(best.map((entry) => entry.id)) })
      ).map((profile) => [profile.investorId, profile]),
    );
    return best.map(({ id, score }) => {
      const profile = profiles.get(id) as InvestorProfile;
      return {
        id,
        score,
        profile,
        explained: explainMatch(prepareInvestor(preferencesOf(profile)), project, weights),
      };
    });
  }
}

function toInvestorMatchView(match: InvestorMatch, weights: MatchWeights): InvestorMatchView {
  const { score, criteria, filters } = explanationView(match.explained);
  return {
    investor: toCardView(match.profile),
    score: score ?? match.score,
    criteria,
    filters,
    weightsVersionId: weights.versionId,
  };
}
