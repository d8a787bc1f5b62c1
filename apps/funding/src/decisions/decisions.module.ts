import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { ApplicationScores, NoApplicationScores } from './application-scores.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';

/**
 * Decisions on applications, grants, the ranked list of a call and bulk approval (ADR 0018). `ApplicationScores`
 * is where `score` calls get appraisal scores: replace `NoApplicationScores` with appraisal's `AppraisalSummaries`
 * (`{ provide: ApplicationScores, useExisting: AppraisalSummaries }`, importing its module) once both are merged.
 */
@Module({
  imports: [RulesModule, LedgerModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, { provide: ApplicationScores, useClass: NoApplicationScores }],
  exports: [DecisionsService],
})
export class DecisionsModule {}
