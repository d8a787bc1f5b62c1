import { Injectable } from '@nestjs/common';

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
