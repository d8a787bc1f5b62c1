import type {
  IntroductionContactView,
  IntroductionSummaryView,
  IntroductionView,
  PipelineEntryView,
} from '@khoinghiep/contracts';
import type { Caller } from '../interests/interest-access.policy.js';
import type { Introduction, SharedContact } from './introduction.entity.js';
import type { PipelineEntry } from './pipeline-entry.entity.js';

const contactView = (contact: SharedContact): IntroductionContactView => ({
  email: contact.email ?? null,
  phone: contact.phone ?? null,
  website: contact.website ?? null,
  address: contact.address ?? null,
});

export function toIntroductionSummaryView(introduction: Introduction): IntroductionSummaryView {
  return {
    id: introduction.id,
    interestId: introduction.interestId,
    projectId: introduction.projectId,
    projectTitle: introduction.projectTitle,
    projectOwnerId: introduction.projectOwnerId,
    investorId: introduction.investorId,
    investorName: introduction.investorName,
    founderContact: contactView(introduction.founderContact),
    investorContact: contactView(introduction.investorContact),
    madeAt: introduction.madeAt.toISOString(),
    pipelineStatus: introduction.pipelineStatus,
    pipelineAmount: introduction.pipelineAmount,
  };
}

/** The introduction with its pipeline history; the investor's notes are theirs alone. */
export function toIntroductionView(
  introduction: Introduction,
  pipeline: readonly PipelineEntry[],
  reader: Caller,
): IntroductionView {
  const ownNotes = reader.userId === introduction.investorId;
  return {
    ...toIntroductionSummaryView(introduction),
    pipeline: pipeline.map(
      (entry): PipelineEntryView => ({
        status: entry.status,
        amount: entry.amount,
        note: ownNotes ? entry.note : null,
        recordedAt: entry.recordedAt.toISOString(),
      }),
    ),
  };
}
