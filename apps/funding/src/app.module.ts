import { IdempotencyModule } from '@khoinghiep/api';
import { serviceFoundation } from '@khoinghiep/platform';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from './applications/applications.module.js';
import { AppraisalModule } from './appraisal/appraisal.module.js';
import { ApprovalLimitsModule } from './approval-limits/approval-limits.module.js';
import { CallsModule } from './calls/calls.module.js';
import { CoinvestmentModule } from './coinvestment/coinvestment.module.js';
import { CoinvestmentLeadsModule } from './coinvestment-leads/coinvestment-leads.module.js';
import { FundingEnv } from './config.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { fundingEntities } from './entities.js';
import { FundsModule } from './funds/funds.module.js';
import { GrantsModule } from './grants/grants.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { fundingMigrations } from './migrations/index.js';
import { ProjectDirectoryModule } from './project-directory/project-directory.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RulesModule } from './rules/rules.module.js';
import { TranchesModule } from './tranches/tranches.module.js';

@Module({
  imports: [
    // Every route needs a verified access token unless marked @Public(); the service checks it itself.
    ...serviceFoundation({
      app: 'funding',
      env: FundingEnv,
      entities: fundingEntities,
      migrations: fundingMigrations,
    }),
    CallsModule,
    FundsModule,
    RulesModule,
    ApplicationsModule,
    ProjectDirectoryModule,
    AppraisalModule,
    IdempotencyModule,
    LedgerModule,
    ApprovalLimitsModule,
    DecisionsModule,
    GrantsModule,
    TranchesModule,
    ReportsModule,
    CoinvestmentModule,
    CoinvestmentLeadsModule,
  ],
})
export class AppModule {}
