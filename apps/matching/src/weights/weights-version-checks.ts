import { MATCH_CRITERIA, MATCH_WEIGHTS_TOTAL, type RecordMatchWeightsDto } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';
import { isCalendarDay } from '../common/vietnam-day.js';

/**
 * What the field-by-field validation of a new weights version cannot see: a day that does not exist or has passed
 * (today, in Vietnam, is allowed: the version is then in force at once), and points that do not add up to 100.
 * Each problem names its field, in Vietnamese and English.
 */
export function weightsVersionProblems(dto: RecordMatchWeightsDto, today: string): DomainFieldError[] {
  const problems: DomainFieldError[] = [];
  if (!isCalendarDay(dto.effectiveFrom)) {
    problems.push({
      field: 'effectiveFrom',
      message: { vi: '{day} không phải một ngày có thật', en: '{day} is not a real calendar day' },
      params: { day: dto.effectiveFrom },
    });
  } else if (dto.effectiveFrom < today) {
    problems.push({
      field: 'effectiveFrom',
      message: {
        vi: 'Ngày hiệu lực {day} đã qua; chọn từ hôm nay ({today}) trở đi',
        en: 'The first day {day} has passed; choose today ({today}) or later',
      },
      params: { day: dto.effectiveFrom, today },
    });
  }
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + dto.points[criterion], 0);
  if (total !== MATCH_WEIGHTS_TOTAL) {
    problems.push({
      field: 'points',
      message: {
        vi: 'Tổng điểm các tiêu chí phải là {expected}, hiện là {total}',
        en: 'The points of the criteria must add up to {expected}, not {total}',
      },
      params: { expected: MATCH_WEIGHTS_TOTAL, total },
    });
  }
  return problems;
}
