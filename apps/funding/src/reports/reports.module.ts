import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Reports per call, per grant and per support category, as JSON and CSV for accountants (ADR 0020). */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
