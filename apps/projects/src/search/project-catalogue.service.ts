import {
  type ListProjectsQueryDto,
  PAGE_SIZE,
  type Page,
  PROJECT_TEXT_LIMITS,
  type ProjectStatus,
} from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, InvalidFieldsError, pageOf } from '@khoinghiep/http';
import { searchTerms } from '@khoinghiep/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Project } from '../projects/project.entity.js';
import {
  type Caller,
  listableStatuses,
  visibilityCondition,
  visibilityFor,
} from '../projects/project-access.policy.js';

const CATALOGUE_CURSOR = 'catalogue';

/**
 * Sort key of the catalogue: publication time (every published project has one); for the other states officers
 * may list, the first submission. Neither ever changes once set, so pages never shift. The partial index
 * `IDX_projects_catalogue` is built on this very expression.
 */
const LISTED_AT = 'COALESCE(p.published_at, p.first_submitted_at)';

/** Stored by the trigger of migration ProjectSearchColumns1790000000003, each with its GIN index. */
const SEARCH_DOCUMENT = 'p.search_document';
const TITLE_TRIGRAMS = 'p.title_folded';

interface CatalogueRow {
  project: Project;
  listedAt: Date;
}

/** Browsing and searching: published projects for everyone, other reviewed states for officers. */
@Injectable()
export class ProjectCatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(caller: Caller, filter: ListProjectsQueryDto): Promise<Page<Project>> {
    const statuses = this.statusesFor(caller, filter.status);
    const limit = filter.limit ?? PAGE_SIZE.default;
    if (
      filter.minFundingAsk &&
      filter.maxFundingAsk &&
      BigInt(filter.minFundingAsk) > BigInt(filter.maxFundingAsk)
    ) {
      throw fieldError('minFundingAsk', {
        vi: 'Mức vốn tối thiểu lớn hơn mức tối đa.',
        en: 'minFundingAsk is greater than maxFundingAsk.',
      });
    }

    const visible = visibilityCondition(visibilityFor(caller), 'p');
    const query = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .addSelect(LISTED_AT, 'listed_at')
      // Literal values from a closed list: a literal lets the planner match the partial index on published rows.
      .where(`p.status IN (${statuses.map((status) => `'${status}'`).join(', ')})`)
      .andWhere(visible.sql, visible.params)
      .orderBy(LISTED_AT, 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    this.filter(query, filter);
    if (filter.cursor) {
      const [listedAt, id] = decodeCursor<[string, string]>(filter.cursor, CATALOGUE_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      query.andWhere(`(${LISTED_AT}, p.id) < (:listedAt::timestamptz, :id::uuid)`, { listedAt, id });
    }

    const { entities, raw } = await query.getRawAndEntities<{ listed_at: Date }>();
    const rows: CatalogueRow[] = entities.map((project, index) => ({
      project,
      listedAt: raw[index]?.listed_at as Date,
    }));
    return pageOf(
      rows,
      limit,
      (row) => row.project,
      (row) => encodeCursor(CATALOGUE_CURSOR, [row.listedAt.toISOString(), row.project.id]),
    );
  }

  private statusesFor(caller: Caller, requested: ProjectStatus[] | undefined): readonly ProjectStatus[] {
    const allowed = listableStatuses(caller);
    if (!requested || requested.length === 0) return ['published'];
    const refused = requested.filter((status) => !allowed.includes(status));
    if (refused.length > 0) {
      throw fieldError('status', {
        vi: `Bạn không được xem danh sách dự án ở trạng thái: ${refused.join(', ')}.`,
        en: `You may not list projects whose status is: ${refused.join(', ')}.`,
      });
    }
    return requested;
  }

  private filter(query: SelectQueryBuilder<Project>, filter: ListProjectsQueryDto): void {
    if (filter.sector?.length) query.andWhere('p.sector IN (:...sectors)', { sectors: filter.sector });
    if (filter.stage?.length) query.andWhere('p.stage IN (:...stages)', { stages: filter.stage });
    if (filter.kind?.length) query.andWhere('p.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter.provinceCode?.length) {
      query.andWhere('p.provinceCode IN (:...provinces)', { provinces: filter.provinceCode });
    }
    if (filter.targetGroup?.length) {
      query.andWhere('p.target_groups && :targetGroups::varchar[]', { targetGroups: filter.targetGroup });
    }
    if (filter.minFundingAsk)
      query.andWhere('p.funding_ask >= :minAsk::bigint', { minAsk: filter.minFundingAsk });
    if (filter.maxFundingAsk)
      query.andWhere('p.funding_ask <= :maxAsk::bigint', { maxAsk: filter.maxFundingAsk });
    // Every word must be found: by full text in title or summary (the last word as a prefix), or approximately in
    // the title (trigram word similarity, for typos). Both sides lose their diacritics through the same f_unaccent,
    // so "ca phe" finds "cà phê"; each test is served by its GIN index.
    for (const [index, term] of searchTerms(filter.q ?? '', PROJECT_TEXT_LIMITS.query.max).entries()) {
      query.andWhere(
        `(${SEARCH_DOCUMENT} @@ to_tsquery('simple'::regconfig, f_unaccent(:tsquery${index}))` +
          ` OR ${TITLE_TRIGRAMS} %> lower(f_unaccent(:word${index})))`,
        { [`tsquery${index}`]: term.tsquery, [`word${index}`]: term.word },
      );
    }
  }
}

function fieldError(field: string, message: { vi: string; en: string }): InvalidFieldsError {
  return new InvalidFieldsError([{ field, message }]);
}
