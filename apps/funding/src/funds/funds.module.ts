import { Module } from '@nestjs/common';
import { CapitalShareRules } from './capital-share.js';
import { FundsController } from './funds.controller.js';
import { FundsService } from './funds.service.js';
import { NoCapitalShareRules } from './no-capital-share-rules.js';

@Module({
  controllers: [FundsController],
  providers: [FundsService, { provide: CapitalShareRules, useClass: NoCapitalShareRules }],
  exports: [FundsService],
})
export class FundsModule {}
