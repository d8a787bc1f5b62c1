import { Handles } from '@khoinghiep/api';
import {
  type CallReportView,
  type CategoryReportView,
  GrantReportQueryDto,
  type GrantReportView,
  ReportRoutes,
} from '@khoinghiep/contracts';
import { Controller, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CSV_MEDIA_TYPE } from '../ledger/ledger-csv.js';
import { ReportsService } from './reports.service.js';
import { callReportCsv, categoryReportCsv, grantReportCsv } from './reports-csv.js';

function asCsv(response: Response, name: string, asOf: string, body: string): string {
  response.type(CSV_MEDIA_TYPE);
  response.setHeader('Content-Disposition', `attachment; filename="${name}-${asOf.slice(0, 10)}.csv"`);
  return body;
}

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Handles(ReportRoutes.callReport)
  calls(): Promise<CallReportView> {
    return this.reports.calls();
  }

  @Handles(ReportRoutes.callReportCsv)
  async callsCsv(@Res({ passthrough: true }) response: Response): Promise<string> {
    const view = await this.reports.calls();
    return asCsv(response, 'bao-cao-dot', view.asOf, callReportCsv(view));
  }

  @Handles(ReportRoutes.grantReport)
  grants(@Query() query: GrantReportQueryDto): Promise<GrantReportView> {
    return this.reports.grants(query.callId);
  }

  @Handles(ReportRoutes.grantReportCsv)
  async grantsCsv(
    @Query() query: GrantReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const view = await this.reports.grants(query.callId);
    return asCsv(response, 'bao-cao-khoan-tai-tro', view.asOf, grantReportCsv(view));
  }

  @Handles(ReportRoutes.categoryReport)
  categories(): Promise<CategoryReportView> {
    return this.reports.categories();
  }

  @Handles(ReportRoutes.categoryReportCsv)
  async categoriesCsv(@Res({ passthrough: true }) response: Response): Promise<string> {
    const view = await this.reports.categories();
    return asCsv(response, 'du-toan-thuc-hien-linh-vuc', view.asOf, categoryReportCsv(view));
  }
}
