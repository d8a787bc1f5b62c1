import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { CataloguedProject } from './catalogue/catalogued-project.entity.js';
import { Interest } from './interests/interest.entity.js';
import { InterestDailyCount } from './interests/interest-daily-count.entity.js';
import { Introduction } from './introductions/introduction.entity.js';
import { PipelineEntry } from './introductions/pipeline-entry.entity.js';
import { InvestorMatchList } from './match-index/investor-match-list.entity.js';
import { MatchIndexState } from './match-index/match-index-state.entity.js';
import { MatchRefill } from './match-index/match-refill.entity.js';
import { MatchMarkRecord } from './matches/match-mark.entity.js';
import { InvestorMatch, ProjectMatch } from './matches/stored-match.entity.js';
import { Notification } from './notifications/notification.entity.js';
import { InvestorProfile } from './profiles/investor-profile.entity.js';
import { SavedSearch } from './saved-searches/saved-search.entity.js';
import { MatchWeightsVersion } from './weights/match-weights-version.entity.js';

/** Every entity of the matching database (the outbox and inbox of the messaging library included). */
export const matchingEntities = [
  ...MESSAGING_ENTITIES,
  InvestorProfile,
  CataloguedProject,
  InvestorMatch,
  ProjectMatch,
  MatchWeightsVersion,
  MatchMarkRecord,
  InvestorMatchList,
  MatchRefill,
  MatchIndexState,
  Interest,
  InterestDailyCount,
  Introduction,
  PipelineEntry,
  SavedSearch,
  Notification,
];
