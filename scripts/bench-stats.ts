/** Statistics and number formatting shared by the benchmarks' reports. */

export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
export function median(values: readonly number[]): number {
  const s = sorted(values);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
/** Half the spread of the values around their median, as a fraction: how far to trust it. */
export function noise(values: readonly number[]): number {
  return (Math.max(...values) - Math.min(...values)) / median(values) / 2;
}
export function int(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
export function rate(perSec: number): string {
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(2)} M/s`;
  if (perSec >= 1e4) return `${(perSec / 1e3).toFixed(1)} k/s`;
  return `${int(perSec)} /s`;
}
export function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
}
export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
export function bytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}
