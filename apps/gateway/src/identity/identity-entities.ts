import { AccountSecurityChange } from './account-security-change.entity.js';
import { RecoveryCode, SecondFactor } from './second-factor/second-factor.entity.js';
import { User } from './user.entity.js';

/** The identity tables of the gateway database. */
export const IDENTITY_ENTITIES = [User, AccountSecurityChange, SecondFactor, RecoveryCode];
