import { CAPITAL_SOURCES, type FundView } from '@khoinghiep/contracts';
import type { CapitalBySource } from './capital-share.js';
import type { Fund } from './fund.entity.js';
import type { FundSnapshot } from './fund-history-entry.entity.js';

/** The fund's capital by source, as numbers to compute with. */
export function capitalOfFund(fund: Fund): CapitalBySource {
  return {
    central_budget: BigInt(fund.capitalCentralBudget),
    provincial_budget: BigInt(fund.capitalProvincialBudget),
    private: BigInt(fund.capitalPrivate),
    association: BigInt(fund.capitalAssociation),
  };
}

/** The columns that hold `capital`. */
export function capitalColumns(
  capital: CapitalBySource,
): Pick<Fund, 'capitalCentralBudget' | 'capitalProvincialBudget' | 'capitalPrivate' | 'capitalAssociation'> {
  return {
    capitalCentralBudget: capital.central_budget.toString(),
    capitalProvincialBudget: capital.provincial_budget.toString(),
    capitalPrivate: capital.private.toString(),
    capitalAssociation: capital.association.toString(),
  };
}

/** The API's view of a fund: every capital source, in vocabulary order, and the total. */
export function toFundView(fund: Fund): FundView {
  const capital = capitalOfFund(fund);
  return {
    id: fund.id,
    kind: fund.kind,
    name: fund.name,
    ownerAgency: fund.ownerAgency,
    provinceCode: fund.provinceCode,
    capital: CAPITAL_SOURCES.map((source) => ({ source, amount: capital[source].toString() })),
    totalCapital: CAPITAL_SOURCES.reduce((sum, source) => sum + capital[source], 0n).toString(),
    provincialBudgetCapBasisPoints: fund.provincialBudgetCapBasisPoints,
    capitalRuleVersionId: fund.capitalRuleVersionId,
    version: fund.version,
    createdAt: fund.createdAt.toISOString(),
    updatedAt: fund.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a fund: its fields, money as strings, times as ISO text. */
export function fundSnapshot(fund: Fund): FundSnapshot {
  const { createdAt, updatedAt, capitalRuleVersion: _relation, ...fields } = fund;
  return { ...fields, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
