import { Module } from '@nestjs/common';
import { SystemStatusController } from './system-status.controller.js';
import { SystemStatusService } from './system-status.service.js';

/** Aggregate views of the platform itself, through the service clients. */
@Module({ controllers: [SystemStatusController], providers: [SystemStatusService] })
export class SystemModule {}
