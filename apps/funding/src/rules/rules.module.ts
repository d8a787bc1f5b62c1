import { Module } from '@nestjs/common';
import { RuleBook } from './rule-book.js';

/** Programme rules as dated reference data; exports the `RuleBook` other features apply inside their transactions. */
@Module({
  providers: [RuleBook],
  exports: [RuleBook],
})
export class RulesModule {}
