import { CommitmentRecorded, type CommitmentRecordedPayload } from '@khoinghiep/contracts';
import { type EventContext, OnEvent } from '@khoinghiep/messaging';
import { Controller } from '@nestjs/common';
import { LeadIntake } from './lead-intake.js';

/**
 * Reads `matching.commitment.recorded` from `matching.events` (this handler is what subscribes funding to that
 * topic). The inbox applies each event once; an invalid one never gets here (it goes to the dead-letter topic).
 */
@Controller()
export class CommitmentRecordedHandler {
  constructor(private readonly intake: LeadIntake) {}

  @OnEvent(CommitmentRecorded)
  onRecorded(payload: CommitmentRecordedPayload, context: EventContext): Promise<void> {
    return this.intake.record(context, context.envelope.id, payload);
  }
}
