import { Module } from '@nestjs/common';
import { AccountStanding } from '../account-standing.js';
import { AccountStandingProjector } from './account-standing.projector.js';
import { ServiceAccountStanding } from './service-account-standing.js';

/**
 * A service's knowledge of account standing: the projector that keeps it from `identity.events` and the check
 * `JwtAuthGuard` runs. Needs the app's DataSource with `ACCOUNT_STANDING_ENTITIES` and
 * `ACCOUNT_STANDING_MIGRATIONS` (both added by `serviceFoundation`) and an event consumer.
 */
@Module({
  controllers: [AccountStandingProjector],
  providers: [{ provide: AccountStanding, useClass: ServiceAccountStanding }],
  exports: [AccountStanding],
})
export class AccountStandingModule {}
