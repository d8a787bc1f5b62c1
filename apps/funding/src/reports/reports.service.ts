import { Clock } from '@khoinghiep/clock';
import type {
  CallReportView,
  CategoryReportView,
  GrantReportView,
  SupportCategory,
} from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Reports for fund staff (ADR 0020), each one SQL statement (one snapshot, so its sums agree with each other):
 * calls (budget, committed, disbursed, returned, available), grants (approved, disbursed, remaining) and budget
 * against actual per support category (each grant counted under its main category, as for its advance).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async calls(): Promise<CallReportView> {
    const rows: {
      call_id: string;
      fund_id: string;
      title: string;
      fiscal_year: number;
      budget: string;
      committed: string;
      disbursed: string;
      returned: string;
    }[] = await this.dataSource.query(`
      SELECT c.id AS call_id, c.fund_id, c.title, c.fiscal_year, c.budget::text, c.committed::text,
             coalesce(sum(d.disbursed), 0)::text AS disbursed, coalesce(sum(d.returned), 0)::text AS returned
        FROM funding_calls c
        LEFT JOIN grant_disbursements d ON d.call_id = c.id
       GROUP BY c.id
       ORDER BY c.fiscal_year DESC, c.title, c.id`);
    return {
      asOf: this.clock.now().toISOString(),
      rows: rows.map((row) => ({
        callId: row.call_id,
        fundId: row.fund_id,
        title: row.title,
        fiscalYear: Number(row.fiscal_year),
        budget: row.budget,
        committed: row.committed,
        disbursed: row.disbursed,
        returned: row.returned,
        available: (BigInt(row.budget) - BigInt(row.committed)).toString(),
      })),
    };
  }

  async grants(callId?: string): Promise<GrantReportView> {
    const rows: {
      grant_id: string;
      call_id: string;
      project_id: string;
      beneficiary_id: string;
      stage: string | null;
      approved: string;
      disbursed: string;
      returned: string;
    }[] = await this.dataSource.query(
      `SELECT g.id AS grant_id, g.call_id, g.project_id, g.beneficiary_id, d.stage, g.amount::text AS approved,
              coalesce(d.disbursed, 0)::text AS disbursed, coalesce(d.returned, 0)::text AS returned
         FROM grants g
         LEFT JOIN grant_disbursements d ON d.grant_id = g.id
        WHERE $1::uuid IS NULL OR g.call_id = $1::uuid
        ORDER BY g.approved_at, g.id`,
      [callId ?? null],
    );
    return {
      asOf: this.clock.now().toISOString(),
      rows: rows.map((row) => {
        const stage = (row.stage ?? 'disbursing') as GrantReportView['rows'][number]['stage'];
        return {
          grantId: row.grant_id,
          callId: row.call_id,
          projectId: row.project_id,
          beneficiaryId: row.beneficiary_id,
          stage,
          approved: row.approved,
          disbursed: row.disbursed,
          returned: row.returned,
          remaining: stage === 'settled' ? '0' : (BigInt(row.approved) - BigInt(row.disbursed)).toString(),
        };
      }),
    };
  }

  async categories(): Promise<CategoryReportView> {
    const rows: { category: SupportCategory; grants: number; budget: string; actual: string }[] =
      await this.dataSource.query(`
        WITH sums AS (
          SELECT application_id, category, sum(requested) AS requested, min(position) AS first
            FROM application_budget_lines GROUP BY application_id, category
        ), main AS (
          SELECT DISTINCT ON (application_id) application_id, category
            FROM sums ORDER BY application_id, requested DESC, first
        )
        SELECT m.category, count(*)::int AS grants, sum(g.amount)::text AS budget,
               coalesce(sum(d.disbursed - d.returned), 0)::text AS actual
          FROM grants g
          JOIN main m ON m.application_id = g.application_id
          LEFT JOIN grant_disbursements d ON d.grant_id = g.id
         GROUP BY m.category
         ORDER BY m.category`);
    return {
      asOf: this.clock.now().toISOString(),
      rows: rows.map((row) => ({
        category: row.category,
        grants: Number(row.grants),
        budget: row.budget,
        actual: row.actual,
        variance: (BigInt(row.budget) - BigInt(row.actual)).toString(),
      })),
    };
  }
}
