import type { CoinvestmentLeadStatus } from '@khoinghiep/contracts';

/** What fund officers do with a lead: take it on, close it, or open a co-investment proposal from it. */
export type LeadAction = 'take_on' | 'close' | 'open_proposal';

/** The statuses each action may start from; a closed lead is final. */
export const LEAD_ACTION_FROM: Readonly<Record<LeadAction, readonly CoinvestmentLeadStatus[]>> = {
  take_on: ['open'],
  close: ['open', 'taken'],
  open_proposal: ['open', 'taken'],
};

export function mayLead(action: LeadAction, status: CoinvestmentLeadStatus): boolean {
  return LEAD_ACTION_FROM[action].includes(status);
}
