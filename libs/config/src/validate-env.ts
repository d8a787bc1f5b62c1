import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Builds a `validate` function for `ConfigModule.forRoot`: unknown variables are ignored, known ones are
 * validated and typed, and a bad configuration stops the app at boot with every problem listed.
 */
export function validateEnv<T extends object>(envClass: new () => T): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const defined = Object.fromEntries(
      Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
    );
    const env = plainToInstance(envClass, defined, {
      exposeDefaultValues: true,
      enableImplicitConversion: false,
    });
    const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
    if (errors.length > 0) {
      const lines = errors.map(
        (error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
      );
      throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
    }
    return env;
  };
}
