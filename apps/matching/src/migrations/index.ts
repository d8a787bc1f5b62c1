import { MESSAGING_MIGRATIONS } from '@khoinghiep/messaging';
import { MatchingFoundation1792000000000 } from './1792000000000-matching-foundation.js';
import { InvestorProfileCards1792000001000 } from './1792000001000-investor-profile-cards.js';
import { MatchIndex1792000002000 } from './1792000002000-match-index.js';
import { MatchMarks1792000003000 } from './1792000003000-match-marks.js';
import { InterestsAndIntroductions1792000004000 } from './1792000004000-interests-and-introductions.js';
import { SavedSearchesAndNotifications1792000005000 } from './1792000005000-saved-searches-and-notifications.js';

/** Every migration of the matching database, oldest first. */
export const matchingMigrations = [
  ...MESSAGING_MIGRATIONS,
  MatchingFoundation1792000000000,
  InvestorProfileCards1792000001000,
  MatchIndex1792000002000,
  MatchMarks1792000003000,
  InterestsAndIntroductions1792000004000,
  SavedSearchesAndNotifications1792000005000,
];
