import { Module } from '@nestjs/common';
import { GrantsController } from './grants.controller.js';

/** Reading grants; they are created by decisions (`DecisionsService`), disbursed by tranches. */
@Module({ controllers: [GrantsController] })
export class GrantsModule {}
