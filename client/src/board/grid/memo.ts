/**
 * A label per cell, job and ghost object, built once: rows are rebuilt with new objects whenever
 * the data or the thresholds change, and a tile renders the same objects many times (selection,
 * drag, live updates).
 */
export function cached<T extends object>(build: (item: T) => string): (item: T) => string {
  const memo = new WeakMap<T, string>();
  return (item) => {
    let text = memo.get(item);
    if (text === undefined) memo.set(item, (text = build(item)));
    return text;
  };
}
