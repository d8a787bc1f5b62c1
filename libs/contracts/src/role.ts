/** Platform roles (DOMAIN.md "Who uses the platform"); the string is what travels in tokens and envelopes. */
export enum Role {
  Founder = 'founder',
  Investor = 'investor',
  ProgrammeOfficer = 'programme_officer',
  FundOfficer = 'fund_officer',
  FundApprover = 'fund_approver',
  Trainer = 'trainer',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);
