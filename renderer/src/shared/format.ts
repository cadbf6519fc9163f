/** Decimal kilobytes as the portal counts them: 486,123 bytes → "486 KB". */
export function formatKb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000))} KB`
}
