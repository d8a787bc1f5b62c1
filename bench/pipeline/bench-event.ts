import { defineEvent, type EventContract } from '@khoinghiep/contracts';
import { IsIn, IsInt, IsString, MaxLength, Min } from 'class-validator';

export const PHASES = ['warmup', 'throughput', 'bulk', 'latency'] as const;
export type Phase = (typeof PHASES)[number];

export class BenchItemRecordedPayload {
  @IsIn(PHASES)
  phase!: Phase;

  @IsInt()
  @Min(0)
  i!: number;

  /** Ballast, so the envelope is the size of a real event (~600 bytes). */
  @IsString()
  @MaxLength(1000)
  body!: string;
}

let defined: EventContract<BenchItemRecordedPayload> | undefined;

/** The bench event on the run's own topic (passed by the orchestrator). */
export function benchItemRecorded(topic: string): EventContract<BenchItemRecordedPayload> {
  defined ??= defineEvent({
    topic,
    type: 'bench.item.recorded',
    version: 1,
    aggregateType: 'item',
    payload: BenchItemRecordedPayload,
  });
  return defined;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now();

export interface BenchServiceConfig {
  databaseUrl: string;
  brokers: string[];
  topic: string;
}
