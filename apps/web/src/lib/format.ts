const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A platform counter for display: 950 -> "950", 12_345 -> "12.3K", 2_500_000 -> "2.5M". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value) || value < 0) return '0';
  return compact.format(value);
}
