import { Module } from '@nestjs/common';
import { AppraisalController } from './appraisal.controller.js';
import { AppraisalService } from './appraisal.service.js';
import { AppraisalSummaries } from './appraisal-summaries.js';

/** Appraisal (thẩm định) of submitted applications; exports the summaries decisions rank `score` calls by. */
@Module({
  controllers: [AppraisalController],
  providers: [AppraisalService, AppraisalSummaries],
  exports: [AppraisalSummaries],
})
export class AppraisalModule {}
