import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

/**
 * The time, behind a port so tests can fix it. Times have millisecond precision (a JavaScript `Date`), which keeps
 * cursor values exact when they travel through JSON and back into SQL.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** New identifiers: UUID v7, time-ordered so new rows land at the end of the primary-key index. */
@Injectable()
export class IdGenerator {
  next(): string {
    return uuidv7();
  }
}
