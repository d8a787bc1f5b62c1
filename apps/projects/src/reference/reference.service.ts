import type { ProvinceView } from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Province } from './province.entity.js';

/** Reference data of the projects service. */
@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The 34 provinces and centrally-run cities, by code. */
  async provinces(): Promise<ProvinceView[]> {
    const rows = await this.dataSource.getRepository(Province).find({ order: { code: 'ASC' } });
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      nameEn: row.nameEn,
      kind: row.kind,
      formerly: row.formerly,
      effectiveFrom: row.effectiveFrom,
    }));
  }
}
