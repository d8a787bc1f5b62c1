import { Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller.js';
import { Ledger } from './ledger.service.js';
import { LedgerReversalService } from './ledger-reversal.service.js';

/** The ledger: `Ledger` for the features that post to it, and its read and correction routes. */
@Module({
  controllers: [LedgerController],
  providers: [Ledger, LedgerReversalService],
  exports: [Ledger],
})
export class LedgerModule {}
