/** Axis layout helpers: pure, so tick density and orientation are tested without layout. */

/**
 * Whether bars read better lying down: long category names, or more
 * categories than fit side by side at this width.
 */
export function preferHorizontal(labels: string[], width: number): boolean {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const narrow = width > 0 && width < 560;
  if (narrow) return labels.length > 6 || longest > 8;
  return longest > 14 || labels.length > 16 || labels.length * Math.min(longest, 14) * 7 > Math.max(width, 640) * 0.9;
}

/** At most `max` evenly spaced values (always the first), so axis labels never collide. */
export function thinTicks<T>(values: readonly T[], max: number): T[] {
  if (values.length <= max) return [...values];
  const step = Math.ceil(values.length / Math.max(1, max));
  return values.filter((_, i) => i % step === 0);
}

/** Shortens a label to `max` characters with an ellipsis. */
export function truncateLabel(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
