import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { TranchesController } from './tranches.controller.js';
import { TranchesService } from './tranches.service.js';

/** Disbursement of grants in tranches: maker–checker, payment, ledger postings and events (ADR 0020). */
@Module({
  imports: [RulesModule, LedgerModule],
  controllers: [TranchesController],
  providers: [TranchesService],
})
export class TranchesModule {}
