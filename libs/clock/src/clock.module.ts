import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { IdGenerator } from './id-generator.js';

/** The clock and id ports for the whole app (one instance each, so a test overrides them in one place). */
@Global()
@Module({ providers: [Clock, IdGenerator], exports: [Clock, IdGenerator] })
export class ClockModule {}
