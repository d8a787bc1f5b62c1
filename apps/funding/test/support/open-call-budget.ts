import { UnitOfWork } from '@khoinghiep/messaging';
import type { INestApplication } from '@nestjs/common';
import { Ledger } from '../../src/ledger/ledger.service.js';
import { Journal } from '../../src/ledger/ledger-journal.js';

/**
 * What opening a call posts (its budget into `call_available`), for fixtures that write an open call straight to
 * the database instead of opening it through its route.
 */
export async function postOpenCallBudget(
  app: INestApplication,
  fundId: string,
  callId: string,
  budget: bigint,
): Promise<void> {
  const ledger = app.get(Ledger);
  await app
    .get(UnitOfWork)
    .run(() => ledger.post(Journal.callBudgetSet(fundId, callId, budget), { memo: 'call open' }));
}
