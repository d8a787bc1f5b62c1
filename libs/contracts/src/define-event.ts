import { isDlqTopic } from './topics.js';

/** A class whose class-validator decorators describe a payload. */
export type PayloadClass<P extends object> = new () => P;

/** The one definition of an event, shared by its producer and its consumers. */
export interface EventContract<P extends object = object, T extends string = string> {
  readonly topic: string;
  /**
   * Past-tense fact, `<service>.<aggregate>.<verb>`, e.g. `projects.project.submitted`. Kept as its literal type,
   * so `@EventPattern(ProjectSubmitted.type)` type-checks a handler whose payload is the contract's class.
   */
  readonly type: T;
  /** Schema version of the payload; a breaking change is a new contract with the next version. */
  readonly version: number;
  readonly aggregateType: string;
  readonly payload: PayloadClass<P>;
}

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;

/** `<service>.<aggregate>.<verb>`, lower case. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*){2,}$/;

/** Every contract defined in this process, by type and version, so a consumer can validate what it reads. */
export class EventCatalogue {
  private readonly byType = new Map<string, Map<number, EventContract>>();

  add(contract: EventContract): void {
    const versions = this.byType.get(contract.type) ?? new Map<number, EventContract>();
    const known = versions.get(contract.version);
    if (known === contract) {
      return;
    }
    if (known) {
      throw new Error(`event ${contract.type} v${contract.version} is defined twice`);
    }
    const other = versions.values().next().value;
    if (other && other.topic !== contract.topic) {
      throw new Error(`event ${contract.type} cannot travel on both ${other.topic} and ${contract.topic}`);
    }
    versions.set(contract.version, contract);
    this.byType.set(contract.type, versions);
  }

  find(type: string, version: number): EventContract | undefined {
    return this.byType.get(type)?.get(version);
  }

  /** Every contract, by type then version. */
  all(): EventContract[] {
    return [...this.byType.values()].flatMap((versions) => [...versions.values()]);
  }

  /** The topic events of this type travel on, whatever their version. */
  topicOf(type: string): string | undefined {
    return this.byType.get(type)?.values().next().value?.topic;
  }
}

/** The catalogue `defineEvent` adds to. */
export const eventCatalogue = new EventCatalogue();

/**
 * Defines an event contract and adds it to the process-wide catalogue.
 *
 * ```ts
 * export class ProjectSubmittedPayload { @IsUUID() projectId!: string; }
 * export const ProjectSubmitted = defineEvent({
 *   topic: TOPICS.projects.name, type: 'projects.project.submitted', version: 1,
 *   aggregateType: 'project', payload: ProjectSubmittedPayload,
 * });
 * ```
 */
export function defineEvent<P extends object, T extends string>(
  definition: EventContract<P, T>,
): EventContract<P, T> {
  const problems = definitionProblems(definition);
  if (problems.length > 0) {
    throw new Error(`invalid event contract ${definition.type}: ${problems.join('; ')}`);
  }
  const contract: EventContract<P, T> = Object.freeze({ ...definition });
  eventCatalogue.add(contract);
  return contract;
}

function definitionProblems(definition: EventContract): string[] {
  const problems: string[] = [];
  if (!EVENT_TYPE_PATTERN.test(definition.type)) {
    problems.push('type must look like <service>.<aggregate>.<verb>, lower case');
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    problems.push('version must be an integer from 1');
  }
  if (definition.topic.length === 0 || isDlqTopic(definition.topic)) {
    problems.push('topic must name an events topic');
  }
  if (definition.aggregateType.length === 0) {
    problems.push('aggregateType must not be empty');
  }
  if (typeof definition.payload !== 'function') {
    problems.push('payload must be a class');
  }
  return problems;
}
