import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { CoinvestmentLeadsController } from './coinvestment-leads.controller.js';
import { CoinvestmentLeadsService } from './coinvestment-leads.service.js';
import { CommitmentRecordedHandler } from './commitment-recorded.handler.js';
import { LeadIntake } from './lead-intake.js';

/**
 * Co-investment leads from willing private commitments recorded in matching (ADR 0028): the consumer of
 * `matching.events`, the fund officers' routes, and the lead a co-investment proposal closes.
 */
@Module({
  imports: [RulesModule],
  controllers: [CoinvestmentLeadsController, CommitmentRecordedHandler],
  providers: [CoinvestmentLeadsService, LeadIntake],
  exports: [CoinvestmentLeadsService],
})
export class CoinvestmentLeadsModule {}
