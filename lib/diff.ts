export type DiffLine = { op: "same" | "add" | "del"; text: string };

const MAX_CELLS = 25_000_000;

/** Line diff (longest common subsequence) after trimming the common start and end. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const head = a.slice(0, start).map((text) => ({ op: "same" as const, text }));
  const tail = a.slice(endA).map((text) => ({ op: "same" as const, text }));
  const x = a.slice(start, endA), y = b.slice(start, endB);
  const n = x.length, m = y.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    return [...head, ...x.map((text) => ({ op: "del" as const, text })), ...y.map((text) => ({ op: "add" as const, text })), ...tail];
  }
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { middle.push({ op: "same", text: x[i] }); i++; j++; }
    else if (j < m && (i === n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j])) { middle.push({ op: "add", text: y[j] }); j++; }
    else { middle.push({ op: "del", text: x[i] }); i++; }
  }
  return [...head, ...middle, ...tail];
}
