import {
  ApplicationApproved,
  type ApplicationApprovedPayload,
  ApplicationRejected,
  type ApplicationRejectedPayload,
  type DecisionEventPayload,
} from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import { fundingDecision } from './notification-texts.js';
import { NotificationWriter } from './notification-writer.js';

/**
 * A fund's decision on a founder's application (`funding.events`), told to the applicant. The events carry no
 * project title: it comes from matching's catalogue of published projects, when matching knows it.
 */
@Controller()
export class FundingNotifications {
  constructor(private readonly writer: NotificationWriter) {}

  @OnEvent(ApplicationApproved)
  onApproved(payload: ApplicationApprovedPayload, context: EventContext): Promise<void> {
    return this.write(payload, payload.approvedAmount, context);
  }

  @OnEvent(ApplicationRejected)
  onRejected(payload: ApplicationRejectedPayload, context: EventContext): Promise<void> {
    return this.write(payload, null, context);
  }

  private async write(
    payload: DecisionEventPayload,
    approvedAmount: string | null,
    context: EventContext,
  ): Promise<void> {
    const project = await context.manager.findOneBy(CataloguedProject, { projectId: payload.projectId });
    await this.writer.write(context.manager, context.envelope.id, [
      fundingDecision({
        applicationId: payload.applicationId,
        applicantId: payload.applicantId,
        projectTitle: project?.title ?? null,
        approvedAmount,
      }),
    ]);
  }
}
