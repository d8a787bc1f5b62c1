import type { CapitalSource, FundKind, Programme, RuleKind, SupportCategory } from '@khoinghiep/contracts';
import { v5 as uuidv5 } from 'uuid';

/** What a rule is about: its kind and subject. Every version of a rule, in every scope, has the same subject. */
export interface RuleSubject {
  kind: RuleKind;
  programme: Programme;
  category: SupportCategory | null;
  fundKind: FundKind | null;
  capitalSource: CapitalSource | null;
}

/** Fixed namespace of rule ids; changing it would rename every rule, so it never changes. */
const RULE_NAMESPACE = '6f1c6a52-3c8e-4f0e-9d0b-2a2f6b1f7c41';

/**
 * The id of the rule a subject names: a name-based UUID (v5), so the seed migration, the service and any reader
 * compute the same id without a lookup, and every version of one rule shares the Kafka key of its events.
 */
export function ruleIdOf(subject: RuleSubject): string {
  const name = [subject.kind, subject.programme, subject.category, subject.fundKind, subject.capitalSource]
    .map((part) => part ?? '')
    .join('|');
  return uuidv5(name, RULE_NAMESPACE);
}
