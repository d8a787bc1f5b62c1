import {
  type ListInvestorsQueryDto,
  MATCHING_TEXT_LIMITS,
  PAGE_SIZE,
  type Page,
} from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, pageOf } from '@khoinghiep/http';
import { searchTerms } from '@khoinghiep/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { InvestorProfile } from '../profiles/investor-profile.entity.js';
import { InvestorProfileNotFoundError } from '../profiles/investor-profile.errors.js';

const CARDS_CURSOR = 'investor-cards';

/**
 * The public cards: published profiles only, newest profile first (creation time never changes, so pages never
 * shift), walked along the partial index `IDX_investor_profiles_cards`. Search reads the columns the trigger of
 * migration InvestorProfileCards1792000001000 keeps, each served by its GIN index.
 */
@Injectable()
export class InvestorCardsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async card(investorId: string): Promise<InvestorProfile> {
    const profile = isUuid(investorId)
      ? await this.dataSource.getRepository(InvestorProfile).findOneBy({ investorId, published: true })
      : null;
    if (!profile) throw new InvestorProfileNotFoundError(investorId, 'card');
    return profile;
  }

  async list(filter: ListInvestorsQueryDto): Promise<Page<InvestorProfile>> {
    const limit = filter.limit ?? PAGE_SIZE.default;
    const query = this.dataSource
      .getRepository(InvestorProfile)
      .createQueryBuilder('p')
      .where('p.published')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.investor_id', 'DESC')
      .limit(limit + 1);
    this.filter(query, filter);
    if (filter.cursor) {
      const [createdAt, investorId] = decodeCursor<[string, string]>(filter.cursor, CARDS_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      query.andWhere('(p.created_at, p.investor_id) < (:createdAt::timestamptz, :investorId::uuid)', {
        createdAt,
        investorId,
      });
    }
    return pageOf(
      await query.getMany(),
      limit,
      (profile) => profile,
      (profile) => encodeCursor(CARDS_CURSOR, [profile.createdAt.toISOString(), profile.investorId]),
    );
  }

  /** Filters describe a project: a card is listed when the investor looks for what it names. */
  private filter(query: SelectQueryBuilder<InvestorProfile>, filter: ListInvestorsQueryDto): void {
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.sector) {
      // Empty `sectors` means any sector; an excluded sector never matches.
      query.andWhere(
        '(cardinality(p.sectors) = 0 OR :sector::varchar = ANY(p.sectors)) AND NOT (:sector::varchar = ANY(p.excluded_sectors))',
        { sector: filter.sector },
      );
    }
    if (filter.stage) {
      query.andWhere('(cardinality(p.stages) = 0 OR :stage::varchar = ANY(p.stages))', {
        stage: filter.stage,
      });
    }
    if (filter.provinceCode) {
      // No province named: the investor invests nationwide.
      query.andWhere('(cardinality(p.province_codes) = 0 OR :province::varchar = ANY(p.province_codes))', {
        province: filter.provinceCode,
      });
    }
    if (filter.ticket) {
      query.andWhere('p.ticket_min <= :ticket::bigint AND p.ticket_max >= :ticket::bigint', {
        ticket: filter.ticket,
      });
    }
    // Every word must be found: by full text in name, organisation or thesis (the last word as a prefix), or
    // approximately in the name (trigram word similarity, for typos). Both sides lose their diacritics through the
    // same f_unaccent, so "quy dau tu" finds "Quỹ Đầu tư".
    for (const [index, word] of searchTerms(filter.q ?? '', MATCHING_TEXT_LIMITS.searchName.max).entries()) {
      query.andWhere(
        `(p.search_document @@ to_tsquery('simple'::regconfig, f_unaccent(:tsquery${index}))` +
          ` OR p.name_folded %> lower(f_unaccent(:word${index})))`,
        { [`tsquery${index}`]: word.tsquery, [`word${index}`]: word.word },
      );
    }
  }
}
