import { PLATFORM_KEY, type PlatformHolder } from './platform-holder.js';

export default async function e2eGlobalTeardown(): Promise<void> {
  await (globalThis as PlatformHolder)[PLATFORM_KEY]?.stop();
}
