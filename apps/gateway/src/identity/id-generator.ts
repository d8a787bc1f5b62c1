import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

/** Ids of new accounts: time-ordered UUIDs (v7). A port, so tests can fix them. */
@Injectable()
export class IdGenerator {
  next(): string {
    return uuidv7();
  }
}
