/** True for a UUID as PostgreSQL writes one: ids from clients are checked before they reach a `::uuid` cast. */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
