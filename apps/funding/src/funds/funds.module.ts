import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { CapitalShareRules } from './capital-share.js';
import { FundsController } from './funds.controller.js';
import { FundsService } from './funds.service.js';
import { RuleBookCapitalShareRules } from './rule-book-capital-share-rules.js';

@Module({
  imports: [RulesModule],
  controllers: [FundsController],
  providers: [FundsService, { provide: CapitalShareRules, useClass: RuleBookCapitalShareRules }],
  exports: [FundsService],
})
export class FundsModule {}
