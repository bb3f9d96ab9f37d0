/**
 * A path as a run names an input, read the same way whatever the machine writes between its steps
 * (a `/`, or Windows' `\`), as a zip's or a tar's entries are named too.
 */

/** The last step of a path: the file's own name. */
export function lastStep(path: string): string {
  const steps = path.replace(/\\/g, '/').split('/');
  return steps[steps.length - 1] ?? '';
}

/** The folder of a file as the run names it (`.` for one named without a folder, `/` for one at the root). */
export function folderOf(file: string): string {
  const path = file.replace(/\\/g, '/');
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
}
