import { type Locale, type LocalisedText, localise, type MessageParams } from '../i18n/locale.js';

/**
 * How one class-validator constraint is worded. Templates use `{subject}` (the field, or "each item of" the
 * field for `each: true` rules) and whatever `params` derives from the constraint's arguments.
 */
export interface ConstraintMessage {
  text: LocalisedText;
  params?: (args: readonly unknown[]) => MessageParams;
}

const list = (values: unknown): string => {
  if (Array.isArray(values)) return values.map(String).join(', ');
  if (typeof values === 'object' && values !== null) return Object.values(values).map(String).join(', ');
  return String(values ?? '');
};

const first = (key: string) => (args: readonly unknown[]) => ({ [key]: String(args[0] ?? '') });

const MESSAGES = new Map<string, ConstraintMessage>(
  Object.entries({
    whitelistValidation: {
      text: { vi: '{subject} là trường không được phép', en: '{subject} is not an allowed field' },
    },
    isDefined: { text: { vi: '{subject} là bắt buộc', en: '{subject} is required' } },
    isNotEmpty: { text: { vi: '{subject} không được để trống', en: '{subject} must not be empty' } },
    isString: { text: { vi: '{subject} phải là chuỗi ký tự', en: '{subject} must be a string' } },
    isInt: { text: { vi: '{subject} phải là số nguyên', en: '{subject} must be an integer' } },
    isNumber: { text: { vi: '{subject} phải là số', en: '{subject} must be a number' } },
    isBoolean: { text: { vi: '{subject} phải là true hoặc false', en: '{subject} must be true or false' } },
    isEmail: {
      text: { vi: '{subject} phải là địa chỉ email hợp lệ', en: '{subject} must be a valid email address' },
    },
    isAscii: {
      text: {
        vi: '{subject} chỉ được chứa ký tự ASCII (chữ Latin không dấu, chữ số, ký hiệu)',
        en: '{subject} may contain only ASCII characters (unaccented Latin letters, digits, symbols)',
      },
    },
    isUuid: { text: { vi: '{subject} phải là UUID hợp lệ', en: '{subject} must be a valid UUID' } },
    isUrl: { text: { vi: '{subject} phải là URL hợp lệ', en: '{subject} must be a valid URL' } },
    isDate: { text: { vi: '{subject} phải là ngày hợp lệ', en: '{subject} must be a valid date' } },
    isDateString: {
      text: { vi: '{subject} phải là ngày giờ ISO 8601', en: '{subject} must be an ISO 8601 date-time' },
    },
    isIso8601: {
      text: { vi: '{subject} phải là ngày giờ ISO 8601', en: '{subject} must be an ISO 8601 date-time' },
    },
    isNumberString: {
      text: { vi: '{subject} phải là chuỗi chữ số', en: '{subject} must be a string of digits' },
    },
    isPositive: { text: { vi: '{subject} phải là số dương', en: '{subject} must be a positive number' } },
    isNegative: { text: { vi: '{subject} phải là số âm', en: '{subject} must be a negative number' } },
    isArray: { text: { vi: '{subject} phải là một danh sách', en: '{subject} must be an array' } },
    isObject: { text: { vi: '{subject} phải là một đối tượng', en: '{subject} must be an object' } },
    isNotEmptyObject: {
      text: { vi: '{subject} phải là đối tượng không rỗng', en: '{subject} must be a non-empty object' },
    },
    nestedValidation: { text: { vi: '{subject} phải là một đối tượng', en: '{subject} must be an object' } },
    arrayNotEmpty: { text: { vi: '{subject} không được để trống', en: '{subject} must not be empty' } },
    arrayUnique: {
      text: { vi: '{subject} không được có phần tử trùng nhau', en: '{subject} must not contain duplicates' },
    },
    matches: { text: { vi: '{subject} không đúng định dạng', en: '{subject} has the wrong format' } },
    isPhoneNumber: {
      text: { vi: '{subject} phải là số điện thoại hợp lệ', en: '{subject} must be a valid phone number' },
    },
    isMobilePhone: {
      text: { vi: '{subject} phải là số điện thoại hợp lệ', en: '{subject} must be a valid phone number' },
    },
    isEnum: {
      text: {
        vi: '{subject} phải là một trong các giá trị: {values}',
        en: '{subject} must be one of: {values}',
      },
      params: (args: readonly unknown[]) => ({ values: list(args[1] ?? args[0]) }),
    },
    isIn: {
      text: {
        vi: '{subject} phải là một trong các giá trị: {values}',
        en: '{subject} must be one of: {values}',
      },
      params: (args: readonly unknown[]) => ({ values: list(args[0]) }),
    },
    isNotIn: {
      text: { vi: '{subject} không được là: {values}', en: '{subject} must not be one of: {values}' },
      params: (args: readonly unknown[]) => ({ values: list(args[0]) }),
    },
    minLength: {
      text: {
        vi: '{subject} phải có ít nhất {min} ký tự',
        en: '{subject} must be at least {min} characters long',
      },
      params: first('min'),
    },
    maxLength: {
      text: {
        vi: '{subject} không được dài quá {max} ký tự',
        en: '{subject} must be at most {max} characters long',
      },
      params: first('max'),
    },
    isLength: {
      text: {
        vi: '{subject} phải dài từ {min} đến {max} ký tự',
        en: '{subject} must be between {min} and {max} characters long',
      },
      params: (args: readonly unknown[]) => ({ min: String(args[0] ?? 0), max: String(args[1] ?? '∞') }),
    },
    min: {
      text: { vi: '{subject} phải lớn hơn hoặc bằng {min}', en: '{subject} must be at least {min}' },
      params: first('min'),
    },
    max: {
      text: { vi: '{subject} phải nhỏ hơn hoặc bằng {max}', en: '{subject} must be at most {max}' },
      params: first('max'),
    },
    arrayMinSize: {
      text: { vi: '{subject} phải có ít nhất {min} phần tử', en: '{subject} must have at least {min} items' },
      params: first('min'),
    },
    controlCharacter: {
      text: {
        vi: '{subject} chứa ký tự điều khiển không được phép',
        en: '{subject} contains a control character that is not allowed',
      },
    },
    bidiControl: {
      text: {
        vi: '{subject} chứa ký tự điều khiển hướng chữ không được phép',
        en: '{subject} contains a bidirectional control character that is not allowed',
      },
    },
    loneSurrogate: {
      text: {
        vi: '{subject} chứa ký tự Unicode không hợp lệ',
        en: '{subject} contains an invalid Unicode character',
      },
    },
    forbiddenFieldName: {
      text: {
        vi: 'Tên trường {subject} chứa ký tự không được phép',
        en: 'The field name {subject} contains a character that is not allowed',
      },
    },
    maxDepth: {
      text: {
        vi: '{subject} lồng nhau quá {max} tầng',
        en: '{subject} is nested more than {max} levels deep',
      },
      params: first('max'),
    },
    arrayMaxSize: {
      text: {
        vi: '{subject} không được có quá {max} phần tử',
        en: '{subject} must have at most {max} items',
      },
      params: first('max'),
    },
  } satisfies Record<string, ConstraintMessage>),
);

const FALLBACK: ConstraintMessage = { text: { vi: '{subject} không hợp lệ', en: '{subject} is invalid' } };

const EACH_ITEM_OF: LocalisedText = { vi: 'mỗi phần tử của {field}', en: 'each item of {field}' };

/**
 * Adds (or replaces) the wording of a constraint, typically a custom one an app defines with
 * `registerDecorator({ name: 'passwordPolicy', … })`. Call it at module load, next to the constraint.
 */
export function registerConstraintMessages(messages: Readonly<Record<string, ConstraintMessage>>): void {
  for (const [name, message] of Object.entries(messages)) MESSAGES.set(name, message);
}

/** One failed rule on one input field, before it is worded in a language. */
export interface Violation {
  /** Path of the field in the body: `email`, `address.city`, `members[0].name`. */
  field: string;
  /** class-validator constraint name, e.g. `minLength`. */
  constraint: string;
  /** The constraint's arguments (`[10]` for `@MinLength(10)`). */
  args: readonly unknown[];
  /** Whether the rule applies to each item of an array field. */
  each: boolean;
}

export function describeViolation(violation: Violation, locale: Locale): string {
  const message = MESSAGES.get(violation.constraint) ?? FALLBACK;
  const subject = violation.each
    ? localise(EACH_ITEM_OF, locale, { field: violation.field })
    : violation.field;
  return localise(message.text, locale, { ...message.params?.(violation.args), subject });
}
