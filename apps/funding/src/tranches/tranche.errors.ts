import { DomainError } from '@khoinghiep/http';

export class TrancheNotFoundError extends DomainError {
  constructor(trancheId: string) {
    super({
      code: 'TRANCHE_NOT_FOUND',
      status: 404,
      params: { trancheId },
      extensions: { trancheId },
      messages: {
        title: { vi: 'Không tìm thấy đợt giải ngân', en: 'Tranche not found' },
        detail: { vi: 'Không tìm thấy đợt giải ngân {trancheId}.', en: 'Tranche {trancheId} was not found.' },
      },
    });
  }
}

export class TrancheStatusConflictError extends DomainError {
  constructor(trancheId: string, status: string, wanted: string) {
    super({
      code: 'TRANCHE_STATUS_CONFLICT',
      status: 409,
      params: { trancheId, status, wanted },
      extensions: { trancheId, status },
      messages: {
        title: { vi: 'Đợt giải ngân không ở trạng thái phù hợp', en: 'Tranche not in the right status' },
        detail: {
          vi: 'Đợt giải ngân {trancheId} đang ở trạng thái {status}, không thể {wanted}.',
          en: 'Tranche {trancheId} is {status}; it cannot be {wanted}.',
        },
      },
    });
  }
}

export class TrancheStepOutOfOrderError extends DomainError {
  constructor(kind: string, why: 'out_of_order' | 'pending' | 'settled') {
    const code =
      why === 'settled'
        ? 'GRANT_SETTLED'
        : why === 'pending'
          ? 'TRANCHE_PENDING'
          : 'TRANCHE_STEP_OUT_OF_ORDER';
    const detail = {
      settled: {
        vi: 'Khoản tài trợ đã quyết toán (hoặc đang quyết toán); không thể đề nghị thêm.',
        en: 'The grant is settled (or being settled); nothing more can be asked for.',
      },
      pending: {
        vi: 'Còn đợt giải ngân chưa chi xong; quyết toán sau khi mọi đợt đã chi hoặc bị từ chối.',
        en: 'A tranche is still open; settle once every tranche is paid or rejected.',
      },
      out_of_order: {
        vi: 'Sai thứ tự: tạm ứng trước tiên và một lần, quyết toán sau khi đã nghiệm thu ({kind}).',
        en: 'Out of order: the advance comes first and once, the settlement after an approved acceptance ({kind}).',
      },
    }[why];
    super({
      code,
      status: 409,
      params: { kind },
      extensions: { kind },
      messages: {
        title: { vi: 'Không thể đề nghị đợt này', en: 'This tranche cannot be asked for' },
        detail,
      },
    });
  }
}

export class TrancheOverApprovedError extends DomainError {
  constructor(amount: bigint, room: bigint) {
    super({
      code: 'TRANCHE_OVER_APPROVED',
      status: 409,
      params: { amount: amount.toString(), room: room.toString() },
      extensions: { amount: amount.toString(), room: room.toString() },
      messages: {
        title: { vi: 'Vượt số được duyệt', en: 'Over the approved amount' },
        detail: {
          vi: '{amount} đồng vượt phần còn lại của khoản tài trợ ({room} đồng).',
          en: '{amount} đồng is more than is left of the grant ({room} đồng).',
        },
      },
    });
  }
}

export class AdvanceRateNotInForceError extends DomainError {
  constructor(category: string, on: string) {
    super({
      code: 'ADVANCE_RATE_NOT_IN_FORCE',
      status: 409,
      params: { category, on },
      extensions: { category, on },
      messages: {
        title: { vi: 'Không có tỷ lệ tạm ứng', en: 'No advance rate in force' },
        detail: {
          vi: 'Không có tỷ lệ tạm ứng đang hiệu lực cho lĩnh vực {category} ngày {on}, hoặc tạm ứng bằng 0.',
          en: 'No advance rate in force for {category} on {on}, or the advance would be 0.',
        },
      },
    });
  }
}

export class TrancheFieldsForKindError extends DomainError {
  constructor(kind: string, fields: string[]) {
    super({
      code: 'TRANCHE_FIELDS_FOR_KIND',
      status: 422,
      params: { kind, fields: fields.join(', ') },
      extensions: { kind, fields },
      messages: {
        title: { vi: 'Trường không dùng cho loại đợt này', en: 'Fields this kind does not take' },
        detail: {
          vi: 'Đợt {kind} không nhận: {fields}.',
          en: 'A {kind} tranche does not take: {fields}.',
        },
      },
    });
  }
}

export class SameMakerCheckerError extends DomainError {
  constructor(trancheId: string) {
    super({
      code: 'TRANCHE_SAME_MAKER_CHECKER',
      status: 422,
      params: { trancheId },
      extensions: { trancheId },
      messages: {
        title: { vi: 'Người kiểm soát trùng người đề nghị', en: 'Checker is the maker' },
        detail: {
          vi: 'Đợt giải ngân {trancheId} phải do người khác người đề nghị duyệt hoặc từ chối.',
          en: 'Tranche {trancheId} must be approved or rejected by someone other than who asked for it.',
        },
      },
    });
  }
}
