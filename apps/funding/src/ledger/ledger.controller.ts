import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  LedgerRoutes,
  type LedgerTransactionView,
  ReverseLedgerTransactionDto,
  type TrialBalanceView,
} from '@khoinghiep/contracts';
import { Body, Controller, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Ledger, toTransactionView } from './ledger.service.js';
import { CSV_MEDIA_TYPE, trialBalanceCsv } from './ledger-csv.js';
import { LedgerReversalService } from './ledger-reversal.service.js';

@Controller()
export class LedgerController {
  constructor(
    private readonly ledger: Ledger,
    private readonly reversals: LedgerReversalService,
  ) {}

  @Handles(LedgerRoutes.trialBalance)
  trialBalance(): Promise<TrialBalanceView> {
    return this.ledger.trialBalance();
  }

  @Handles(LedgerRoutes.trialBalanceCsv)
  async trialBalanceCsv(@Res({ passthrough: true }) response: Response): Promise<string> {
    const view = await this.ledger.trialBalance();
    response.type(CSV_MEDIA_TYPE);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="bang-can-doi-${view.asOf.slice(0, 10)}.csv"`,
    );
    return trialBalanceCsv(view);
  }

  /** Idempotent (the route says so): the interceptor of `IdempotencyModule` wraps this in the key's transaction. */
  @Handles(LedgerRoutes.reverseLedgerTransaction)
  async reverse(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() body: ReverseLedgerTransactionDto,
    @Headers('idempotency-key') idempotencyKey: string,
  ): Promise<LedgerTransactionView> {
    const posted = await this.reversals.reverse({
      transactionId: id,
      actorId: user.id,
      reason: body.reason,
      idempotencyKey,
    });
    return toTransactionView(posted);
  }
}
