import { Module } from '@nestjs/common';
import { InvestorProfilesController } from './investor-profiles.controller.js';
import { InvestorProfilesService } from './investor-profiles.service.js';

/** An investor's own profile: create, replace, read (ADR 0023). */
@Module({
  controllers: [InvestorProfilesController],
  providers: [InvestorProfilesService],
})
export class ProfilesModule {}
