import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';

/** New identifiers: UUID v7, time-ordered so new rows land at the end of the primary-key index. A port, so tests can fix them. */
@Injectable()
export class IdGenerator {
  next(): string {
    return uuidv7();
  }
}
