import { Module } from '@nestjs/common';
import { AppraisalSummaries } from './appraisal-summaries.js';

/** Appraisal (thẩm định) of submitted applications; exports the summaries decisions rank `score` calls by. */
@Module({
  providers: [AppraisalSummaries],
  exports: [AppraisalSummaries],
})
export class AppraisalModule {}
