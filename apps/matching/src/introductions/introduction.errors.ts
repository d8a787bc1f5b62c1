import type { PipelineStatus } from '@khoinghiep/contracts';
import { DomainError } from '@khoinghiep/http';

/** The introduction does not exist, or the caller is not one of its parties (`404` either way). */
export class IntroductionNotFoundError extends DomainError {
  constructor(introductionId: string) {
    super({
      code: 'INTRODUCTION_NOT_FOUND',
      status: 404,
      params: { introductionId },
      extensions: { introductionId },
      messages: {
        title: { vi: 'Không tìm thấy lời giới thiệu', en: 'Introduction not found' },
        detail: {
          vi: 'Không tìm thấy lời giới thiệu {introductionId}.',
          en: 'Introduction {introductionId} was not found.',
        },
      },
    });
  }
}

/** The founder tried to record the investor's pipeline: `403`. */
export class IntroductionInvestorOnlyError extends DomainError {
  constructor() {
    super({
      code: 'INTRODUCTION_INVESTOR_ONLY',
      status: 403,
      messages: {
        title: { vi: 'Chỉ nhà đầu tư được ghi', en: 'Only the investor records this' },
        detail: {
          vi: 'Chỉ nhà đầu tư của lời giới thiệu được ghi trạng thái đầu tư.',
          en: 'Only the investor of the introduction may record its pipeline status.',
        },
      },
    });
  }
}

/** The pipeline cannot go from where it stands to the status asked: `409`, naming both. */
export class PipelineIllegalTransitionError extends DomainError {
  constructor(from: PipelineStatus | null, to: PipelineStatus) {
    const current = from ?? 'none';
    super({
      code: 'PIPELINE_ILLEGAL_TRANSITION',
      status: 409,
      params: { from: current, to },
      extensions: { currentStatus: from, requestedStatus: to },
      messages: {
        title: { vi: 'Không thể chuyển trạng thái', en: 'Status change not possible' },
        detail: {
          vi: 'Không thể ghi "{to}" khi trạng thái đầu tư đang là "{from}" (hoặc không có gì mới).',
          en: 'Cannot record "{to}" while the pipeline is "{from}" (or nothing changed).',
        },
      },
    });
  }
}
