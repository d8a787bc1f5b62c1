import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Clock } from '@khoinghiep/clock';
import {
  type ListMatchesQueryDto,
  type MatchMark,
  PAGE_SIZE,
  type Page,
  type ProjectMatchView,
  Role,
} from '@khoinghiep/contracts';
import { RoleRequiredError } from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { explainMatch } from '../scoring/explain-match.js';
import type { ExplainedMatch, MatchWeights } from '../scoring/match-inputs.js';
import { type PreparedInvestor, prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { scoreMatch } from '../scoring/score-match.js';
import { weightsInForce } from '../weights/weights-in-force.js';
import { InvestorProfileRequiredError, MatchProjectNotFoundError } from './match.errors.js';
import { toProjectMatchView } from './match.mapper.js';
import { checkTicketRange, whereInvestorMayMatch, whereListed } from './match-filters.js';
import { MatchMarkRecord } from './match-mark.entity.js';
import { type MatchKey, rankAfter, readMatchCursor, readMatchPage } from './match-pages.js';
import { PROJECT_FACT_COLUMNS, preferencesOf, projectFactsOf } from './scorer-inputs.js';
import { investorListIsCurrent } from './stored-list-trust.js';
import { InvestorMatch } from './stored-match.entity.js';

/** A project matched to the investor, with what the page shows of it. */
interface ProjectMatch extends MatchKey {
  readonly project: CataloguedProject;
  readonly explained: ExplainedMatch;
  readonly mark: MatchMark | null;
}

/** Who is asking and with what: the investor prepared once per request, the weights in force. */
interface Reader {
  readonly profile: InvestorProfile;
  readonly investor: PreparedInvestor;
  readonly weights: MatchWeights;
}

type FactRow = Pick<CataloguedProject, (typeof PROJECT_FACT_COLUMNS)[number]> & { mark: MatchMark | null };

/**
 * An investor's matches: pages ranked by score, first from the stored best list (`investor_matches`), beyond it or
 * when it cannot be trusted scored on demand with the same scorer and weights (see `readMatchPage`); one project's
 * match explained, or why it is excluded.
 */
@Injectable()
export class InvestorMatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, query: ListMatchesQueryDto): Promise<Page<ProjectMatchView>> {
    checkTicketRange(query);
    const cursor = readMatchCursor(query.cursor);
    const reader = await this.readerFor(user);
    const page = await readMatchPage<ProjectMatch>(
      {
        stored: (after, count) => this.stored(reader, query, after, count),
        computed: (after, count) => this.computed(reader, query, after, count),
      },
      cursor,
      query.limit ?? PAGE_SIZE.default,
    );
    return {
      items: page.items.map((match) =>
        toProjectMatchView(match.project, match.explained, match.mark, reader.weights.versionId),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async one(user: AuthenticatedUser, projectId: string): Promise<ProjectMatchView> {
    const reader = await this.readerFor(user);
    const project = isUuid(projectId)
      ? await this.dataSource.getRepository(CataloguedProject).findOneBy({ projectId, published: true })
      : null;
    if (!project) throw new MatchProjectNotFoundError(projectId);
    const mark = await this.dataSource
      .getRepository(MatchMarkRecord)
      .findOneBy({ investorId: user.id, projectId });
    const explained = explainMatch(reader.investor, prepareProject(projectFactsOf(project)), reader.weights);
    return toProjectMatchView(project, explained, mark?.mark ?? null, reader.weights.versionId);
  }

  private async readerFor(user: AuthenticatedUser): Promise<Reader> {
    if (!user.roles.includes(Role.Investor)) throw new RoleRequiredError([Role.Investor]);
    const profile = await this.dataSource
      .getRepository(InvestorProfile)
      .findOneBy({ investorId: user.id, published: true });
    if (!profile) throw new InvestorProfileRequiredError();
    const weights = await weightsInForce(this.dataSource.manager, this.clock.now());
    return { profile, investor: prepareInvestor(preferencesOf(profile)), weights };
  }

  /**
   * The stored best list after the cursor, filtered. Not trusted (null) when the index's record of the list says it
   * is not current (see `investorListIsCurrent`), or when a row's score is not what the pair gives now (checked
   * while explaining, which costs nothing more: a project changed since the list was written).
   */
  private async stored(
    reader: Reader,
    filter: ListMatchesQueryDto,
    cursor: MatchKey | null,
    count: number,
  ): Promise<ProjectMatch[] | null> {
    const investorId = reader.profile.investorId;
    const current = await investorListIsCurrent(
      this.dataSource.manager,
      investorId,
      reader.profile.revision,
      reader.weights.versionId,
    );
    if (!current) return null;
    const query = whereListed(
      this.dataSource
        .getRepository(CataloguedProject)
        .createQueryBuilder('p')
        .innerJoin(InvestorMatch, 'm', 'm.projectId = p.projectId AND m.investorId = :investorId', {
          investorId,
        })
        .leftJoin(MatchMarkRecord, 'mk', 'mk.projectId = p.projectId AND mk.investorId = :investorId')
        .addSelect('m.score', 'stored_score')
        .addSelect('mk.mark', 'mark'),
      filter,
    )
      .orderBy('m.score', 'DESC')
      .addOrderBy('m.projectId', 'ASC')
      .limit(count);
    if (cursor) {
      query.andWhere('(m.score < :score OR (m.score = :score AND m.projectId > :id))', cursor);
    }
    const { entities, raw } = await query.getRawAndEntities<{
      stored_score: number;
      mark: MatchMark | null;
    }>();
    const matches: ProjectMatch[] = [];
    for (const [index, project] of entities.entries()) {
      const row = raw[index] as { stored_score: number; mark: MatchMark | null };
      const explained = explainMatch(
        reader.investor,
        prepareProject(projectFactsOf(project)),
        reader.weights,
      );
      if (explained.excluded || explained.score !== row.stored_score) return null;
      matches.push({ id: project.projectId, score: explained.score, project, explained, mark: row.mark });
    }
    return matches;
  }

  /**
   * Every published project that passes the filters and the investor's hard filters (SQL narrows first, reading
   * only what the scorer needs), scored, the best `count` after the cursor kept; then their cards and explanations.
   */
  private async computed(
    reader: Reader,
    filter: ListMatchesQueryDto,
    cursor: MatchKey | null,
    count: number,
  ): Promise<ProjectMatch[]> {
    const investorId = reader.profile.investorId;
    const query = this.dataSource
      .getRepository(CataloguedProject)
      .createQueryBuilder('p')
      .leftJoin(MatchMarkRecord, 'mk', 'mk.projectId = p.projectId AND mk.investorId = :investorId', {
        investorId,
      })
      .select('mk.mark', 'mark');
    for (const column of PROJECT_FACT_COLUMNS) query.addSelect(`p.${column}`, column);
    whereInvestorMayMatch(whereListed(query, filter), reader.investor);
    const rows = await query.getRawMany<FactRow>();
    const best = rankAfter(
      rows,
      (row) => row.projectId,
      (row) => scoreMatch(reader.investor, prepareProject(projectFactsOf(row)), reader.weights),
      cursor,
      count,
    );
    if (best.length === 0) return [];
    const projects = new Map(
      (
        await this.dataSource
          .getRepository(CataloguedProject)
          .findBy({ projectId: In(best.map((entry) => entry.id)) })
      ).map((project) => [project.projectId, project]),
    );
    return best.map(({ id, score, item }) => {
      const project = projects.get(id) as CataloguedProject;
      const explained = explainMatch(
        reader.investor,
        prepareProject(projectFactsOf(project)),
        reader.weights,
      );
      return { id, score, project, explained, mark: item.mark };
    });
  }
}
