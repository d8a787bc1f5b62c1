import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FundingCall } from '../calls/funding-call.entity.js';
import { CallDirectory, type CallTerms } from './call-terms.js';

/** Call terms read from `funding_calls`, in the enclosing transaction (a share lock when asked). */
@Injectable()
export class FundingCallDirectory extends CallDirectory {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async termsOf(callId: string, options?: { lock: boolean }): Promise<CallTerms | null> {
    const call = await this.txHost.tx.findOne(FundingCall, {
      where: { id: callId },
      ...(options?.lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!call) return null;
    return {
      callId: call.id,
      version: call.version,
      status: call.status,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      allowedCategories: call.supportCategories,
      eligibility: {
        applicantKinds: call.eligibleApplicantKinds,
        provinceCodes: call.eligibleProvinceCodes,
        targetGroups: call.eligibleTargetGroups,
        publishedProjectRequired: call.publishedProjectRequired,
        trainingTopic: call.requiredTrainingTopic,
        maxBusinessAgeYears: call.maxBusinessAgeYears,
      },
    };
  }
}
