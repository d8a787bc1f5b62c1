import { Injectable } from '@nestjs/common';
import { type CapitalShareCap, CapitalShareRules } from './capital-share.js';

/**
 * Stand-in until the rule book (dated programme rules) is merged: no cap is known, so none is applied and none is
 * recorded. Replaced by the rule book's adapter, never by a constant.
 */
@Injectable()
export class NoCapitalShareRules extends CapitalShareRules {
  async capFor(): Promise<CapitalShareCap | null> {
    return null;
  }
}
