import {
  InvestorProfilePublished,
  type InvestorProfilePublishedPayload,
  InvestorProfileUpdated,
  type InvestorProfileUpdatedPayload,
  InvestorProfileWithdrawn,
  type InvestorProfileWithdrawnPayload,
  MatchWeightsRecorded,
  type MatchWeightsRecordedPayload,
} from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { lockIndex } from './index-lock.js';
import { InvestorIndexing } from './investor-indexing.js';
import { RefillWorker } from './refill-worker.js';
import { WeightsSwitch } from './weights-switch.js';

/**
 * The events of `matching.events` the index follows. A profile event only says which investor changed: the index
 * reads the profile as it is now (the event's payload carries no thesis), so a late or repeated event is harmless.
 */
@Controller()
export class InvestorEventsHandler {
  constructor(
    private readonly investors: InvestorIndexing,
    private readonly weights: WeightsSwitch,
    private readonly refills: RefillWorker,
  ) {}

  @OnEvent(InvestorProfilePublished)
  onPublished(payload: InvestorProfilePublishedPayload, context: EventContext): Promise<void> {
    return this.refresh(payload.investorId, context);
  }

  @OnEvent(InvestorProfileUpdated)
  onUpdated(payload: InvestorProfileUpdatedPayload, context: EventContext): Promise<void> {
    return this.refresh(payload.investorId, context);
  }

  @OnEvent(InvestorProfileWithdrawn)
  onWithdrawn(payload: InvestorProfileWithdrawnPayload, context: EventContext): Promise<void> {
    return this.refresh(payload.investorId, context);
  }

  /** A version in force from today is applied now; a later one by the periodic check when its day comes. */
  @OnEvent(MatchWeightsRecorded)
  async onWeightsRecorded(_payload: MatchWeightsRecordedPayload, context: EventContext): Promise<void> {
    if (await this.weights.switchIfDue(context.manager)) context.afterCommit(() => this.refills.wake());
  }

  private async refresh(investorId: string, context: EventContext): Promise<void> {
    await lockIndex(context.manager, 'exclusive');
    await this.investors.refreshInvestor(context.manager, investorId);
    context.afterCommit(() => this.refills.wake());
  }
}
