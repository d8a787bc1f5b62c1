import { Public } from '@khoinghiep/auth';
import type { ProvinceView } from '@khoinghiep/contracts';
import { Controller, Get } from '@nestjs/common';
import { ReferenceService } from './reference.service.js';

@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  /** The 34 provinces and centrally-run cities in force since 1 July 2025. Public reference data. */
  @Public()
  @Get('provinces')
  provinces(): Promise<ProvinceView[]> {
    return this.reference.provinces();
  }
}
