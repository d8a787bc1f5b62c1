import { Injectable } from '@nestjs/common';
import { RuleBook } from '../rules/rule-book.js';
import { type CapitalShareCap, CapitalShareRules } from './capital-share.js';

/**
 * The capital-share cap from the rule book: the largest share of a fund's capital the provincial budget may hold,
 * for the fund's kind and province on that day (Decree 264/2025/NĐ-CP: 49 % of a provincial venture fund), with
 * the version applied.
 */
@Injectable()
export class RuleBookCapitalShareRules extends CapitalShareRules {
  constructor(private readonly ruleBook: RuleBook) {
    super();
  }

  async capFor(fund: Parameters<CapitalShareRules['capFor']>[0], on: Date): Promise<CapitalShareCap | null> {
    const rule = await this.ruleBook.capitalShareCap(fund.kind, 'provincial_budget', fund.provinceCode, on);
    return rule ? { basisPoints: rule.value, ruleVersionId: rule.versionId } : null;
  }
}
