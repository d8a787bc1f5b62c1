import { startPlatform } from '../platform.js';
import { PLATFORM_KEY, type PlatformHolder } from './platform-holder.js';

/** Jest globalSetup of the e2e project: the five apps as real processes, once for all e2e files. */
export default async function e2eGlobalSetup(): Promise<void> {
  const platform = await startPlatform();
  (globalThis as PlatformHolder)[PLATFORM_KEY] = platform;
  // Test files run after this and inherit the variable (in workers too).
  process.env.E2E_GATEWAY_URL = platform.gatewayUrl;
}
