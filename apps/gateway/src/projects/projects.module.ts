import { Module } from '@nestjs/common';
import { ProjectsGatewayController } from './projects.controller.js';

/** The public projects routes, forwarded to the projects service (ServiceDirectory comes from GatewayProxyModule). */
@Module({ controllers: [ProjectsGatewayController] })
export class ProjectsGatewayModule {}
