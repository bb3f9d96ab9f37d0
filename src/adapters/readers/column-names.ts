/** Lower-cases a column name and keeps only letters and digits, so `Created At` matches `created_at`. */
export function simplifyColumnName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
