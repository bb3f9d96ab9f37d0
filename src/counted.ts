/** A count with its noun, singular for exactly one: `1 item`, `2 items`, `1 reply`, `3 replies`. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
