import { Handles } from '@khoinghiep/api';
import { ProjectRoutes, type ProvinceView } from '@khoinghiep/contracts';
import { Controller } from '@nestjs/common';
import { ReferenceService } from './reference.service.js';

@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  /** The 34 provinces and centrally-run cities in force since 1 July 2025. Public reference data. */
  @Handles(ProjectRoutes.listProvinces)
  provinces(): Promise<ProvinceView[]> {
    return this.reference.provinces();
  }
}
