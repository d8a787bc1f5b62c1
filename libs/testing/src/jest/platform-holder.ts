import type { Platform } from '../platform.js';

/** Jest shares only the global object between globalSetup and globalTeardown. */
export const PLATFORM_KEY = '__khoinghiepE2ePlatform';
export type PlatformHolder = typeof globalThis & { [PLATFORM_KEY]?: Platform };
