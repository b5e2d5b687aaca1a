/** Overlap queries over many offset ranges, in O(log n) each. */

/** Returns a test for whether [start, end) overlaps any of the given ranges. */
export function overlapTest(ranges: ReadonlyArray<readonly [number, number]>): (start: number, end: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  // Running maximum of ends: one lookup answers for every range that starts before `end`.
  const maxEnd: number[] = [];
  sorted.forEach(([, to], i) => maxEnd.push(Math.max(to, maxEnd[i - 1] ?? -1)));
  return (start, end) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid]?.[0] ?? 0) < end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && (maxEnd[low - 1] ?? -1) > start;
  };
}
