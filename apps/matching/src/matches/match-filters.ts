import type { ListMatchesQueryDto } from '@khoinghiep/contracts';
import { InvalidFieldsError } from '@khoinghiep/http';
import type { SelectQueryBuilder } from 'typeorm';
import type { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import type { PreparedInvestor } from '../scoring/prepared.js';

/** A range whose ends are the wrong way round is refused, naming its lower end. */
export function checkTicketRange(query: ListMatchesQueryDto): void {
  if (query.ticketMin && query.ticketMax && BigInt(query.ticketMin) > BigInt(query.ticketMax)) {
    throw new InvalidFieldsError([
      {
        field: 'ticketMin',
        message: {
          vi: 'ticketMin ({min}) lớn hơn ticketMax ({max})',
          en: 'ticketMin ({min}) is greater than ticketMax ({max})',
        },
        params: { min: query.ticketMin, max: query.ticketMax },
      },
    ]);
  }
}

/**
 * Narrows a query over `catalogued_projects` (alias `p`, its investor's marks joined as `mk`) to the published
 * projects that pass the list's filters: the query's own, and the marks (hidden never, `saved=true` only saved).
 */
export function whereListed(
  query: SelectQueryBuilder<CataloguedProject>,
  filter: ListMatchesQueryDto,
): SelectQueryBuilder<CataloguedProject> {
  query.andWhere('p.published = true').andWhere("(mk.mark IS NULL OR mk.mark <> 'hidden')");
  if (filter.saved) query.andWhere("mk.mark = 'saved'");
  if (filter.sector?.length) query.andWhere('p.sector IN (:...sectors)', { sectors: filter.sector });
  if (filter.stage?.length) query.andWhere('p.stage IN (:...stages)', { stages: filter.stage });
  if (filter.province?.length) {
    query.andWhere('p.provinceCode IN (:...provinces)', { provinces: filter.province });
  }
  if (filter.ticketMin) query.andWhere('p.fundingAsk >= :askMin', { askMin: filter.ticketMin });
  if (filter.ticketMax) query.andWhere('p.fundingAsk <= :askMax', { askMax: filter.ticketMax });
  return query;
}

/**
 * The investor's hard filters as SQL, so that scoring on demand reads only projects that can match: the ask within
 * the ticket, no excluded sector, the provinces when the investor restricts them. The scorer applies them again.
 */
export function whereInvestorMayMatch(
  query: SelectQueryBuilder<CataloguedProject>,
  investor: PreparedInvestor,
): SelectQueryBuilder<CataloguedProject> {
  const { preferences } = investor;
  query.andWhere('p.fundingAsk BETWEEN :ticketMin AND :ticketMax', {
    ticketMin: String(preferences.ticketMin),
    ticketMax: String(preferences.ticketMax),
  });
  if (preferences.excludedSectors.length > 0) {
    query.andWhere('p.sector NOT IN (:...excludedSectors)', {
      excludedSectors: preferences.excludedSectors,
    });
  }
  if (investor.restrictsProvinces) {
    query.andWhere('p.provinceCode IN (:...investorProvinces)', {
      investorProvinces: preferences.provinceCodes,
    });
  }
  return query;
}
