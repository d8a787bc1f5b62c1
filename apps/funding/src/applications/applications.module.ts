import { Module } from '@nestjs/common';
import { CallDirectory } from '../eligibility/call-terms.js';
import { FundingCallDirectory } from '../eligibility/funding-call-directory.js';
import { RulesModule } from '../rules/rules.module.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

/** Applications (đề án) and their eligibility at submission. */
@Module({
  imports: [RulesModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, { provide: CallDirectory, useClass: FundingCallDirectory }],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
