import {
  type CreateSavedSearchDto,
  type ProjectSector,
  type ProjectStage,
  SAVED_SEARCH_LIMITS,
} from '@khoinghiep/contracts';
import { type DomainFieldError, InvalidFieldsError } from '@khoinghiep/http';
import { foldTerms } from '../scoring/fold-terms.js';

/** A saved search as stored, from a valid body: defaults applied, the words folded. */
export interface SavedSearchTerms {
  readonly name: string;
  readonly sectors: ProjectSector[];
  readonly stages: ProjectStage[];
  readonly provinceCodes: string[];
  readonly askMin: string | null;
  readonly askMax: string | null;
  readonly query: string | null;
  readonly queryTerms: string[];
  readonly minScore: number;
  readonly notify: boolean;
}

/**
 * The terms of a new saved search, or a `400` naming the field when the body is well-formed but means nothing: an
 * ask range whose minimum exceeds its maximum, or words that are all too short or function words (such a `q` would
 * silently filter nothing).
 */
export function savedSearchTerms(dto: CreateSavedSearchDto): SavedSearchTerms {
  const { filters } = dto;
  const askMin = filters.ticket?.min ?? null;
  const askMax = filters.ticket?.max ?? null;
  const query = filters.q ?? null;
  const queryTerms = query === null ? [] : foldTerms(query);
  const problems: DomainFieldError[] = [];
  if (askMin !== null && askMax !== null && BigInt(askMin) > BigInt(askMax))
    problems.push({
      field: 'filters.ticket.max',
      message: {
        vi: 'Vốn tối đa phải không nhỏ hơn vốn tối thiểu.',
        en: 'The largest ask must not be below the smallest.',
      },
    });
  if (query !== null && queryTerms.length === 0)
    problems.push({
      field: 'filters.q',
      message: {
        vi: 'Từ khoá cần ít nhất một từ có nghĩa (hai chữ cái trở lên, không phải hư từ như "và", "của").',
        en: 'The words need at least one meaningful word (two letters or more, not a function word like "và").',
      },
    });
  if (problems.length > 0) throw new InvalidFieldsError(problems);
  return {
    name: dto.name,
    sectors: filters.sectors ?? [],
    stages: filters.stages ?? [],
    provinceCodes: filters.provinceCodes ?? [],
    askMin,
    askMax,
    query,
    queryTerms,
    minScore: dto.minScore ?? SAVED_SEARCH_LIMITS.defaultMinScore,
    notify: dto.notify ?? true,
  };
}
