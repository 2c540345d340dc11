/** Rows gathered into lists by the id they belong to, in the rows' order (child rows of many parents read in one query). */
export function groupRows<R, T>(rows: R[], owner: (r: R) => number, make: (r: R) => T): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const id = owner(r);
    const list = map.get(id);
    if (list) list.push(make(r));
    else map.set(id, [make(r)]);
  }
  return map;
}
