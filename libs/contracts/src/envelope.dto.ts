// class-transformer's @Type reads design-time metadata; the polyfill must be loaded before any DTO class.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EVENT_TYPE_PATTERN } from './define-event.js';

// Validation shapes of EventEnvelope and Actor, for what arrives from the wire; the payload is checked
// separately against its contract's class.

export class ActorDto {
  @ValidateIf((actor: ActorDto) => actor.userId !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string | null;

  // Plain strings: a role added after this consumer was built must not make its events unreadable.
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  roles!: string[];
}

export class EventEnvelopeDto {
  @IsUUID()
  id!: string;

  @IsString()
  @Matches(EVENT_TYPE_PATTERN)
  @MaxLength(200)
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  aggregateType!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  aggregateId!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => ActorDto)
  actor!: ActorDto;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  correlationId!: string;

  @ValidateIf((envelope: EventEnvelopeDto) => envelope.causationId !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  causationId!: string | null;

  @IsObject()
  payload!: Record<string, unknown>;
}
