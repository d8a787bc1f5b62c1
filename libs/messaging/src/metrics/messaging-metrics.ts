import { Counter, Gauge, register } from 'prom-client';
import type { OutboxBacklog } from '../relay/outbox-store.js';

// In prom-client's default registry, which each app serves at /metrics. Created once per process, whatever
// number of modules import this file.

function counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
  return (
    (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames })
  );
}

function gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
  return (register.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge({ name, help, labelNames });
}

export const publishedEvents = counter(
  'messaging_events_published_total',
  'Outbox events published to Kafka',
  ['service', 'topic'],
);

export const consumedEvents = counter(
  'messaging_events_consumed_total',
  'Events read by a consumer, by outcome: handled, duplicate, skipped (no handler) or dead_lettered',
  ['group', 'topic', 'outcome'],
);

export const deadLetters = counter('messaging_dead_letters_total', 'Events sent to a dead-letter topic', [
  'group',
  'topic',
  'reason',
]);

export const consumerLag = gauge('messaging_consumer_lag', 'Messages not yet committed by a consumer group', [
  'group',
  'topic',
  'partition',
]);

export const consumerRunning = gauge(
  'messaging_consumer_running',
  'Whether the event consumer of a group is in its group and consuming (1) or not (0: starting, reconnecting, failed)',
  ['group'],
);

export const parkedEvents = counter(
  'messaging_outbox_parked_total',
  'Outbox events Kafka refused for good and the relay set aside (see `npm run outbox:release`)',
  ['service', 'topic'],
);

type BacklogProbe = () => Promise<OutboxBacklog>;
const backlogProbes = new Map<string, BacklogProbe>();
const lastBacklog = new Map<string, Promise<OutboxBacklog>>();

/** One query per scrape for the three backlog gauges, whichever is collected first. */
function backlogOf(service: string, probe: BacklogProbe): Promise<OutboxBacklog> {
  let reading = lastBacklog.get(service);
  if (!reading) {
    reading = probe();
    lastBacklog.set(service, reading);
    reading.finally(() => setTimeout(() => lastBacklog.delete(service), 100)).catch(() => undefined);
  }
  return reading;
}

function backlogGauge(name: string, help: string, read: (backlog: OutboxBacklog) => number): void {
  if (register.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames: ['service'],
    async collect() {
      for (const [service, probe] of backlogProbes) {
        // A failed probe keeps the last value rather than failing the whole scrape.
        await backlogOf(service, probe).then(
          (backlog) => this.set({ service }, read(backlog)),
          () => undefined,
        );
      }
    },
  });
}

backlogGauge(
  'messaging_outbox_backlog',
  'Outbox events committed but not yet published (parked ones aside)',
  (backlog) => backlog.pending,
);
backlogGauge(
  'messaging_outbox_backlog_age_seconds',
  'Age of the oldest outbox event committed but not yet published (parked ones aside); 0 when none',
  (backlog) => backlog.oldestAgeSeconds,
);
backlogGauge(
  'messaging_outbox_parked',
  'Outbox events Kafka refused for good, waiting to be released',
  (backlog) => backlog.parked,
);

/** Reports the outbox backlog of `service` at each scrape; returns the function that stops it. */
export function reportOutboxBacklog(service: string, probe: BacklogProbe): () => void {
  backlogProbes.set(service, probe);
  return () => {
    if (backlogProbes.get(service) === probe) {
      backlogProbes.delete(service);
    }
  };
}
