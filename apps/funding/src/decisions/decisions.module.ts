import { Module } from '@nestjs/common';
import { AppraisalModule } from '../appraisal/appraisal.module.js';
import { AppraisalSummaries } from '../appraisal/appraisal-summaries.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { ApplicationScores } from './application-scores.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';

/**
 * Decisions on applications, grants, the ranked list of a call and bulk approval (ADR 0018). `score` calls are
 * ranked by appraisal's weighted means (`AppraisalSummaries`, behind the `ApplicationScores` port).
 */
@Module({
  imports: [RulesModule, LedgerModule, AppraisalModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, { provide: ApplicationScores, useExisting: AppraisalSummaries }],
  exports: [DecisionsService],
})
export class DecisionsModule {}
