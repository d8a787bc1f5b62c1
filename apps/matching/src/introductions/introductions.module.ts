import { Module } from '@nestjs/common';
import { IntroductionsController } from './introductions.controller.js';
import { IntroductionsService } from './introductions.service.js';

/** Introductions (both sides' shared contacts, for their two parties only) and the investor's pipeline after them. */
@Module({ controllers: [IntroductionsController], providers: [IntroductionsService] })
export class IntroductionsModule {}
