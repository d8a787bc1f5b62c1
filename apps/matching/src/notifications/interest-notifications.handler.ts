import {
  InterestAccepted,
  type InterestAcceptedPayload,
  InterestDeclined,
  type InterestDeclinedPayload,
  InterestExpressed,
  type InterestExpressedPayload,
  IntroductionMade,
  type IntroductionMadePayload,
} from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import {
  interestAnswered,
  interestExpressed,
  introductionMade,
  type NotificationDraft,
} from './notification-texts.js';
import { NotificationWriter } from './notification-writer.js';

/**
 * Interest → consent → introduction, told to whoever must act or know: the founder of an interest expressed, the
 * investor of the founder's answer, both sides of an introduction. Read from `matching.events` like any consumer,
 * so a notification is made once per event (inbox) and once per subject (unique index).
 */
@Controller()
export class InterestNotifications {
  constructor(private readonly writer: NotificationWriter) {}

  @OnEvent(InterestExpressed)
  onExpressed(payload: InterestExpressedPayload, context: EventContext): Promise<void> {
    return this.write(context, [interestExpressed(payload)]);
  }

  @OnEvent(InterestAccepted)
  onAccepted(payload: InterestAcceptedPayload, context: EventContext): Promise<void> {
    return this.write(context, [interestAnswered(payload, true)]);
  }

  @OnEvent(InterestDeclined)
  onDeclined(payload: InterestDeclinedPayload, context: EventContext): Promise<void> {
    return this.write(context, [interestAnswered(payload, false)]);
  }

  @OnEvent(IntroductionMade)
  onIntroduced(payload: IntroductionMadePayload, context: EventContext): Promise<void> {
    return this.write(context, introductionMade(payload));
  }

  private async write(context: EventContext, drafts: NotificationDraft[]): Promise<void> {
    await this.writer.write(context.manager, context.envelope.id, drafts);
  }
}
