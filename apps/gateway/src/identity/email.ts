/** One account per address whatever its case or surrounding spaces: `  Lan@Example.VN ` → `lan@example.vn`. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
