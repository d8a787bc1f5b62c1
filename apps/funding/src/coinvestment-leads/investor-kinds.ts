import type { InvestorKind, PrivateInvestorKind } from '@khoinghiep/contracts';

/**
 * Matching's kinds of investor as funding's kinds of private investor beside a state co-investment (Decree
 * 38/2018). A venture fund and an association's fund are funds not of the state: both are private venture funds
 * (the kind a proposal needs at least one of). A state fund is not private: it has no kind here, and its
 * commitments never count. A new kind in matching fails to compile until it is placed here.
 */
const PRIVATE_KIND_OF: Readonly<Record<InvestorKind, PrivateInvestorKind | null>> = {
  angel: 'angel_investor',
  venture_fund: 'private_venture_fund',
  association_fund: 'private_venture_fund',
  enterprise: 'enterprise',
  state_fund: null,
};

/** Funding's kind of private investor for matching's kind, or null when the investor is not private. */
export function privateKindOf(kind: InvestorKind): PrivateInvestorKind | null {
  return PRIVATE_KIND_OF[kind];
}
