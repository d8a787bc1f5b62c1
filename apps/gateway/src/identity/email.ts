/**
 * One account per address whatever its case or surrounding spaces: `  Lan@Example.VN ` → `lan@example.vn`. Over
 * HTTP the edge has already trimmed it; the trim stays for addresses from elsewhere (the first admin's, from the
 * environment). Look-alike addresses are kept out by the ASCII rule of `AccountEmail`, not here.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
