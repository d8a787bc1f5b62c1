import { Module } from '@nestjs/common';
import { CoinvestmentLeadsModule } from '../coinvestment-leads/coinvestment-leads.module.js';
import { CallDirectory } from '../eligibility/call-terms.js';
import { FundingCallDirectory } from '../eligibility/funding-call-directory.js';
import { CoinvestmentsController } from './coinvestments.controller.js';
import { CoinvestmentsService } from './coinvestments.service.js';

/** State co-investment proposals beside private funds (Decree 38/2018; ADR 0021). */
@Module({
  imports: [CoinvestmentLeadsModule],
  controllers: [CoinvestmentsController],
  providers: [CoinvestmentsService, { provide: CallDirectory, useClass: FundingCallDirectory }],
})
export class CoinvestmentModule {}
