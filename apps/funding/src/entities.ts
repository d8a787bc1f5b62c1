import { MESSAGING_ENTITIES } from '@khoinghiep/messaging';
import { RuleVersion } from './rules/rule-version.entity.js';

/** Every entity of the funding database (the outbox and inbox of the messaging library included). */
export const fundingEntities = [RuleVersion, ...MESSAGING_ENTITIES];
