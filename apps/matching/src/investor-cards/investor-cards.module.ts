import { Module } from '@nestjs/common';
import { InvestorCardsController } from './investor-cards.controller.js';
import { InvestorCardsService } from './investor-cards.service.js';

/** Founders browse and search the published investor profiles as public cards (ADR 0023). */
@Module({
  controllers: [InvestorCardsController],
  providers: [InvestorCardsService],
})
export class InvestorCardsModule {}
