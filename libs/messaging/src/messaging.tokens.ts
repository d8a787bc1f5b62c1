/** Injection token of the resolved MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
