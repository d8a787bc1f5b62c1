import type { CoinvestmentLeadStatus } from '@khoinghiep/contracts';
import { coinvestmentCap } from '../coinvestment/coinvestment-cap.js';

/** What the arithmetic reads of a commitment (a `LeadCommitment` row, or an event about to become one). */
export interface Commitment {
  eventId: string;
  introductionId: string;
  /** Whole đồng, an integer string. */
  amount: string;
  recordedAt: Date;
}

/** Recorded after `other` in matching (the same instant: the later event id, ids being time-ordered). */
export function isLater(one: Commitment, other: Commitment): boolean {
  const difference = one.recordedAt.getTime() - other.recordedAt.getTime();
  return difference !== 0 ? difference > 0 : one.eventId > other.eventId;
}

/**
 * Per introduction, only the commitment recorded last: a later commitment of an introduction replaces its amount,
 * whatever order the events arrived in. Largest amount first (then by introduction, for a stable order).
 */
export function latestPerIntroduction<C extends Commitment>(commitments: readonly C[]): C[] {
  const latest = new Map<string, C>();
  for (const commitment of commitments) {
    const known = latest.get(commitment.introductionId);
    if (!known || isLater(commitment, known)) latest.set(commitment.introductionId, commitment);
  }
  return [...latest.values()].sort((a, b) => {
    const difference = BigInt(b.amount) - BigInt(a.amount);
    if (difference !== 0n) return difference > 0n ? 1 : -1;
    return a.introductionId < b.introductionId ? -1 : a.introductionId > b.introductionId ? 1 : 0;
  });
}

export interface LeadFigures {
  /** Σ of each introduction's latest amount. */
  privateTotal: bigint;
  /** ⌊ private total × capBp / 10 000 ⌋, or null when no cap is in force. */
  cap: bigint | null;
  investorCount: number;
}

/** A lead's private total and the most the state may co-invest beside it under `capBp` (Decree 38/2018). */
export function leadFigures(commitments: readonly Commitment[], capBp: number | null): LeadFigures {
  const amounts = latestPerIntroduction(commitments).map((commitment) => BigInt(commitment.amount));
  return {
    privateTotal: amounts.reduce((sum, amount) => sum + amount, 0n),
    cap: capBp === null ? null : coinvestmentCap(amounts, capBp),
    investorCount: amounts.length,
  };
}

/** The newest commitment funding already counted for an introduction, and the status of the lead it is in. */
export interface KnownCommitment extends Commitment {
  leadStatus: CoinvestmentLeadStatus;
}

/**
 * What a willing private commitment does: `count` it in the project's live lead (opening one if needed), or
 * nothing when funding already counted a later one of its introduction (`stale`), or when its introduction's latest
 * commitment is in a closed lead with the same amount (`settled`: e.g. committed, then invested the same sum, after a
 * proposal was opened from the lead; nothing new for a fund officer).
 */
export function intakeOf(incoming: Commitment, known: KnownCommitment | null): 'count' | 'stale' | 'settled' {
  if (known === null) return 'count';
  if (!isLater(incoming, known)) return 'stale';
  if (known.leadStatus === 'closed' && BigInt(known.amount) === BigInt(incoming.amount)) return 'settled';
  return 'count';
}
