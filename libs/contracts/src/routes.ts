import { ApplicationRoutes } from './funding/application.routes.js';
import { AppraisalRoutes } from './funding/appraisal.routes.js';
import { ApprovalLimitRoutes } from './funding/approval-limit.routes.js';
import { CallRoutes } from './funding/call.routes.js';
import { CoinvestmentRoutes } from './funding/coinvestment.routes.js';
import { CoinvestmentLeadRoutes } from './funding/coinvestment-lead.routes.js';
import { DecisionRoutes } from './funding/decision.routes.js';
import { FundRoutes } from './funding/fund.routes.js';
import { GrantRoutes } from './funding/grant.routes.js';
import { LedgerRoutes } from './funding/ledger.routes.js';
import { ReportRoutes } from './funding/report.routes.js';
import { RuleRoutes } from './funding/rule.routes.js';
import { TrancheRoutes } from './funding/tranche.routes.js';
import type { RouteDefinition } from './http/define-route.js';
import { InterestRoutes } from './matching/interest.routes.js';
import { IntroductionRoutes } from './matching/introduction.routes.js';
import { InvestorProfileRoutes } from './matching/investor-profile.routes.js';
import { MatchRoutes } from './matching/match.routes.js';
import { MatchWeightsRoutes } from './matching/match-weights.routes.js';
import { NotificationRoutes } from './matching/notification.routes.js';
import { SavedSearchRoutes } from './matching/saved-search.routes.js';
import { ProjectRoutes } from './projects/project.routes.js';

/** Every public route a service owns, for the gateway to forward and document. A new service adds its table. */
export const ROUTE_CATALOGUE: readonly RouteDefinition[] = [
  ...Object.values(ProjectRoutes),
  ...Object.values(FundRoutes),
  ...Object.values(CallRoutes),
  ...Object.values(RuleRoutes),
  ...Object.values(ApplicationRoutes),
  ...Object.values(AppraisalRoutes),
  ...Object.values(LedgerRoutes),
  ...Object.values(ApprovalLimitRoutes),
  ...Object.values(DecisionRoutes),
  ...Object.values(GrantRoutes),
  ...Object.values(TrancheRoutes),
  ...Object.values(ReportRoutes),
  ...Object.values(CoinvestmentRoutes),
  ...Object.values(MatchWeightsRoutes),
  ...Object.values(MatchRoutes),
  ...Object.values(InvestorProfileRoutes),
  ...Object.values(InterestRoutes),
  ...Object.values(IntroductionRoutes),
  ...Object.values(CoinvestmentLeadRoutes),
  ...Object.values(SavedSearchRoutes),
  ...Object.values(NotificationRoutes),
];
