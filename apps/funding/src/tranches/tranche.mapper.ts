import type { GrantDisbursementView, TrancheView } from '@khoinghiep/contracts';
import type { Tranche } from './tranche.entity.js';
import type { GrantDisbursementRead } from './tranches.service.js';

export function toTrancheView(tranche: Tranche): TrancheView {
  return {
    id: tranche.id,
    grantId: tranche.grantId,
    kind: tranche.kind,
    sequence: tranche.sequence,
    status: tranche.status,
    amount: tranche.amount,
    returnAmount: tranche.returnAmount,
    advanceRateBp: tranche.advanceRateBp,
    ruleVersionId: tranche.ruleVersionId,
    acceptedCost: tranche.acceptedCost,
    finalAmount: tranche.finalAmount,
    evidence: tranche.evidence.map(({ name, mediaType, size, sha256 }) => ({
      name,
      mediaType,
      size,
      sha256,
    })),
    note: tranche.note,
    requestedBy: tranche.requestedBy,
    requestedAt: tranche.requestedAt.toISOString(),
    decidedBy: tranche.decidedBy,
    decidedAt: tranche.decidedAt?.toISOString() ?? null,
    rejectionReason: tranche.rejectionReason,
    paymentReference: tranche.paymentReference,
    paidBy: tranche.paidBy,
    paidAt: tranche.paidAt?.toISOString() ?? null,
  };
}

export function toGrantDisbursementView({
  grant,
  sums,
  tranches,
}: GrantDisbursementRead): GrantDisbursementView {
  const approved = BigInt(grant.amount);
  const disbursed = BigInt(sums?.disbursed ?? '0');
  const stage = sums?.stage ?? 'disbursing';
  return {
    grantId: grant.id,
    callId: grant.callId,
    beneficiaryId: grant.beneficiaryId,
    stage,
    approved: grant.amount,
    reserved: sums?.reserved ?? '0',
    disbursed: disbursed.toString(),
    returned: sums?.returned ?? '0',
    remaining: stage === 'settled' ? '0' : (approved - disbursed).toString(),
    acceptedCost: sums?.acceptedCost ?? null,
    finalAmount: sums?.finalAmount ?? null,
    tranches: tranches.map(toTrancheView),
  };
}
