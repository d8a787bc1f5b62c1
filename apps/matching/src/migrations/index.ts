import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { MatchingFoundation1792000000000 } from './1792000000000-matching-foundation.js';
import { MatchIndex1792000002000 } from './1792000002000-match-index.js';

/** Every migration of the matching database, oldest first. */
export const matchingMigrations = [
  ...MESSAGING_MIGRATIONS,
  MatchingFoundation1792000000000,
  MatchIndex1792000002000,
];
