// Types of scripts/seed/funding.mjs for the tests that read its data (scripts/seed/funding-data.spec.ts).
export interface SeedFund {
  kind: string;
  name: string;
  ownerAgency: string;
  provinceCode: string | null;
  capital: { source: string; amount: string }[];
}

export interface SeedCall {
  fund: string;
  fiscalYear: number;
  title: string;
  description: string;
  budget: string;
  supportCategories: string[];
  eligibility: Record<string, unknown>;
  allocationRule: 'first_come' | 'score';
  appraisalRubric: {
    criteria: { code: string; label: string; weight: number }[];
    scale: { min: number; max: number };
  };
}

export interface SeedBudgetLine {
  category: string;
  description: string;
  cost: string;
  requested: string;
  ownContribution: string;
}

export interface SeedApplication {
  call: 'khuyenCong' | 'startup';
  founder: string;
  project: string;
  state: 'draft' | 'submitted' | 'withdrawn';
  withdrawReason?: string;
  applicantKind: string;
  businessRegisteredOn: string;
  priorityGroups: string[];
  lines: SeedBudgetLine[];
  scores?: Record<string, number>[];
  decision?: { outcome: 'approved' | 'rejected'; amount?: string; reason?: string };
  advance?: boolean;
}

export const FUNDS: Record<'startup' | 'sme' | 'khuyenCong' | 'venture', SeedFund>;
export const CALLS: Record<'khuyenCong' | 'startup', SeedCall>;
export const APPLICATIONS: readonly SeedApplication[];
export function draftBody(spec: SeedApplication, projectId: string, callId: string): Record<string, unknown>;
export function seedFunding(options: {
  gateway: string;
  admin: { email: string; password: string };
  log: (line: string) => void;
}): Promise<string>;
