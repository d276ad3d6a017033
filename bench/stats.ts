// Small statistics for repeated measurements: every figure is a median with its spread.

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

export const round = (value: number, digits = 1): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** "12.3 (min 10.1, max 20.4, n=20)" */
export function formatSpread(s: Spread, unit: string, digits = 1): string {
  return `${round(s.median, digits)} ${unit} (min ${round(s.min, digits)}, max ${round(s.max, digits)}, n=${s.n})`;
}

export const kib = (bytes: number): number => round(bytes / 1024, 1);
