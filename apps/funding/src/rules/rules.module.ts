import { Module } from '@nestjs/common';
import { RuleBook } from './rule-book.js';
import { RulesController } from './rules.controller.js';
import { RulesService } from './rules.service.js';

/**
 * Programme rules as dated reference data: the public routes, and the `RuleBook` other features import to apply
 * the rules inside their own transactions.
 */
@Module({
  controllers: [RulesController],
  providers: [RuleBook, RulesService],
  exports: [RuleBook],
})
export class RulesModule {}
