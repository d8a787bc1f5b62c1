import { COINVESTMENT_LIMITS, type PrivateInvestorDto } from '@khoinghiep/contracts';
import { dayOf } from '../rules/rule-resolution.js';
import type { LeadCommitment } from './lead-commitment.entity.js';

/**
 * A lead's investors as a co-investment proposal names them: funding's kind, the latest amount, and the day of the
 * commitment as the day the investor chose the startup. A name longer than a proposal keeps (matching's display
 * name with its organisation) is shortened, ending in `…`.
 */
export function proposalInvestorsOf(investors: readonly LeadCommitment[]): PrivateInvestorDto[] {
  return investors.map((investor) => ({
    name: shortened(investor.investorName, COINVESTMENT_LIMITS.investorName.max),
    kind: investor.kind,
    amount: investor.amount,
    choseOn: dayOf(investor.recordedAt),
  }));
}

/** At most `max` characters (code points, as PostgreSQL counts them). */
function shortened(name: string, max: number): string {
  const characters = Array.from(name);
  return characters.length <= max
    ? name
    : `${characters
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
