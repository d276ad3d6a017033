// Taking turns in a bench round: whatever is measured in a round starts at a different place each round, so
// no side (or way of measuring) always goes first while the machine's load drifts.

/** The list started `by` places further on (wrapping; negative counts from the end, as a warm-up round -1 does). */
export function rotated<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const shift = ((by % items.length) + items.length) % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
