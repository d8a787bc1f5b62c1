import { DomainError } from '@khoinghiep/http';

/** A money command arrived without its `Idempotency-Key` header: `400`, naming the header. */
export class IdempotencyKeyRequiredError extends DomainError {
  constructor() {
    super({
      code: 'IDEMPOTENCY_KEY_REQUIRED',
      status: 400,
      extensions: { header: 'Idempotency-Key' },
      messages: {
        title: { vi: 'Thiếu Idempotency-Key', en: 'Idempotency-Key required' },
        detail: {
          vi: 'Lệnh liên quan đến tiền cần tiêu đề Idempotency-Key (ví dụ một UUID mới cho mỗi lệnh).',
          en: 'A money command needs the Idempotency-Key header (e.g. a fresh UUID for each command).',
        },
      },
    });
  }
}

/** The key is not 16–128 characters of `A-Z a-z 0-9 _ -`: `400`. */
export class IdempotencyKeyInvalidError extends DomainError {
  constructor() {
    super({
      code: 'IDEMPOTENCY_KEY_INVALID',
      status: 400,
      extensions: { header: 'Idempotency-Key' },
      messages: {
        title: { vi: 'Idempotency-Key không hợp lệ', en: 'Invalid Idempotency-Key' },
        detail: {
          vi: 'Idempotency-Key phải gồm 16–128 ký tự A-Z, a-z, 0-9, "_" hoặc "-" (nên dùng UUID).',
          en: 'Idempotency-Key must be 16–128 characters of A-Z, a-z, 0-9, "_" or "-" (a UUID is best).',
        },
      },
    });
  }
}

/** The caller already used the key for another request (another operation, path or body): `422`. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(firstOperation: string) {
    super({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 422,
      params: { firstOperation },
      extensions: { header: 'Idempotency-Key', firstOperation },
      messages: {
        title: { vi: 'Idempotency-Key đã được dùng', en: 'Idempotency-Key already used' },
        detail: {
          vi: 'Khoá này đã dùng cho một yêu cầu khác ({firstOperation}, nội dung khác). Hãy tạo khoá mới cho lệnh mới.',
          en: 'This key was used for another request ({firstOperation}, another body). Make a new key for a new command.',
        },
      },
    });
  }
}
