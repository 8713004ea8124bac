/**
 * A PostgreSQL array literal for a bound parameter (`{a,b}`). MikroORM expands a JS array bound
 * to `?` into a list of parameters (`?, ?`), so arrays travel as one literal and are cast in SQL
 * (`?::uuid[]`). Values here are ids and integers; quoting covers any other text.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}
