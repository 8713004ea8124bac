import type { Services } from '../../services.ts';

/** The display token demo mode makes for a wall screen. */
export const DEMO_WALL_TOKEN_NAME = 'Demo wall';
const DEMO_ADMIN = 'admin@demo.test';

/**
 * In demo mode, the first start creates a display token "Demo wall" (as the demo admin, audited)
 * and returns its secret so the start banner can print a ready wall URL. Only the token's hash is
 * stored, so later starts cannot print it again: they return null once the token exists (revoke
 * it under Display tokens and restart to get a new one).
 */
export async function ensureDemoWallToken(services: Services): Promise<string | null> {
  const em = services.orm.em.fork();
  const [admin] = await em.execute<{ id: string; name: string; plant_id: string }[]>(
    'select id, name, plant_id from app_user where lower(email) = ? and role = ?',
    [DEMO_ADMIN, 'ADMIN'],
  );
  if (!admin) return null;
  const [existing] = await em.execute<{ id: string }[]>(
    `select id from access_token where plant_id = ? and kind = 'DISPLAY' and name = ? and revoked_at is null limit 1`,
    [admin.plant_id, DEMO_WALL_TOKEN_NAME],
  );
  if (existing) return null;
  const actor = { kind: 'user' as const, userId: admin.id, role: 'ADMIN' as const, plantId: admin.plant_id, name: admin.name };
  const { secret } = await services.tokens.create(actor, { kind: 'DISPLAY', name: DEMO_WALL_TOKEN_NAME, scopes: null });
  return secret;
}
