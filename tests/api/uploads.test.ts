import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, as, code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { bearer, createToken } from '../support/security.ts';
import { largePlantFiles, newPlantManager, type PlantFile } from '../support/import-plant.ts';
import { postUpload, uploadFile } from '../support/uploads.ts';

/**
 * Files larger than a GraphQL request (docs/import.md, "Uploading large files"): uploaded to
 * POST /api/uploads, then imported by id — on a real server and PostgreSQL.
 */

const IMPORT = `mutation($p: ID!, $f: [ImportFileInput!]!, $m: ImportMode!, $t: String, $k: String) {
  importPlantData(plantId: $p, files: $f, mode: $m, previewToken: $t, idempotencyKey: $k) {
    applied previewToken counts { entity created updated unchanged } errors { file row column reason } impact { ordersPlaced } } }`;
const MAX = 20 * 1024 * 1024;

interface ImportAnswer {
  importPlantData: { applied: boolean; previewToken: string; counts: { entity: string; created: number }[]; errors: unknown[]; impact: { ordersPlaced: number } | null };
}

let server: TestServer;
let manager: Awaited<ReturnType<typeof newPlantManager>>;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const uploads = async () => Number((await sql<{ n: string }>(server.databaseUrl, 'select count(*) as n from file_upload'))[0]!.n);

/** A second plant manager of `plantId`, signed in. */
async function colleagueOf(plantId: string, email: string): Promise<ApiClient> {
  const admin = await as(server.url, 'ADMIN');
  const { createUser } = await admin.data<{ createUser: { setPasswordToken: string } }>(
    'mutation($p: ID!, $i: UserInput!) { createUser(plantId: $p, input: $i) { setPasswordToken } }', { p: plantId, i: { email, name: 'Colleague', role: 'PLANT_MANAGER' } });
  const client = new ApiClient(server.url);
  await client.data('mutation($t: String!) { setPasswordWithToken(token: $t, newPassword: "a long password") }', { t: createUser.setPasswordToken });
  expect((await client.login(email, 'a long password')).data?.login.plantId).toBe(plantId);
  return client;
}

async function uploadAll(client: ApiClient, files: PlantFile[]): Promise<{ name: string; uploadId: string }[]> {
  return Promise.all(files.map(async (f) => {
    const answer = await uploadFile(server.url, f, { cookie: client.cookie });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toEqual({ uploadId: expect.any(String), name: f.name, bytes: f.content.length, sha256: sha(f.content) });
    return { name: f.name, uploadId: answer.body.uploadId! };
  }));
}

beforeAll(async () => {
  server = await startServer();
  manager = await newPlantManager(server.url, 'Upload Works', 'manager@upload-works.test');
});
afterAll(async () => {
  await server?.stop();
});

describe('importing a plant of real size through uploads', () => {
  it('uploads a 10,000-order plant, previews it by upload id and commits exactly what was previewed, once', { timeout: 600_000 }, async () => {
    const files = largePlantFiles(manager.today, 10_000);
    const orders = files.find((f) => f.name === 'orders.csv')!;
    expect(orders.content.length).toBeGreaterThan(256 * 1024);
    // inline, the same files are more than a GraphQL request may carry
    const inline = await manager.client.request(IMPORT, { p: manager.plantId, f: files.map((f) => ({ name: f.name, content: f.content.toString('base64') })), m: 'DRY_RUN' });
    expect(inline.status).toBe(413);

    const byUpload = await uploadAll(manager.client, files);
    const preview = await manager.client.data<ImportAnswer>(IMPORT, { p: manager.plantId, f: byUpload, m: 'DRY_RUN' });
    expect(preview.importPlantData.errors).toEqual([]);
    expect(preview.importPlantData.impact?.ordersPlaced).toBe(10_000);
    expect(preview.importPlantData.counts.find((c) => c.entity === 'orders')?.created).toBe(10_000);
    const written = async () => (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from sales_order where plant_id = $1', [manager.plantId]))[0]!.n;
    expect(await written()).toBe(0);

    const commit = { p: manager.plantId, f: byUpload, m: 'COMMIT', t: preview.importPlantData.previewToken, k: 'upload-batch-1' };
    const done = await manager.client.data<ImportAnswer>(IMPORT, commit);
    expect(done.importPlantData.applied).toBe(true);
    expect(done.importPlantData.previewToken).toBe(preview.importPlantData.previewToken);
    expect(await written()).toBe(10_000);
    // a retried commit answers the first outcome and writes nothing again
    expect((await manager.client.data<ImportAnswer>(IMPORT, commit)).importPlantData).toEqual(done.importPlantData);
    expect(await written()).toBe(10_000);
    expect((await sql<{ n: number }>(server.databaseUrl, `select count(*)::int as n from audit_event where plant_id = $1 and action = 'IMPORT_COMMITTED'`, [manager.plantId]))[0]!.n).toBe(1);
  });

  it('previews inline content and an upload of the same bytes alike: the preview token of one commits the other', async () => {
    const file = { name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nC-9,Harbor Valves,STANDARD,\n') };
    const [uploaded] = await uploadAll(manager.client, [file]);
    const inline = await manager.client.data<ImportAnswer>(IMPORT, { p: manager.plantId, f: [{ name: file.name, content: file.content.toString('base64') }], m: 'DRY_RUN' });
    const upload = await manager.client.data<ImportAnswer>(IMPORT, { p: manager.plantId, f: [uploaded], m: 'DRY_RUN' });
    expect(upload.importPlantData.previewToken).toBe(inline.importPlantData.previewToken);
    const done = await manager.client.data<ImportAnswer>(IMPORT, { p: manager.plantId, f: [uploaded], m: 'COMMIT', t: inline.importPlantData.previewToken });
    expect(done.importPlantData.applied).toBe(true);
    // the plant changed since: the old token no longer commits
    const stale = await manager.client.request(IMPORT, { p: manager.plantId, f: [uploaded], m: 'COMMIT', t: inline.importPlantData.previewToken });
    expect(code(stale)).toBe('CONFLICT');
  });
});

describe('the 20 MB limit', () => {
  it('takes a file of exactly 20 MB and refuses one byte more with 413 and a code, storing nothing', { timeout: 120_000 }, async () => {
    const before = await uploads();
    const largest = Buffer.alloc(MAX, 'a');
    const ok = await uploadFile(server.url, { name: 'orders.csv', content: largest }, { cookie: manager.client.cookie });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ bytes: MAX, sha256: sha(largest) });
    expect(await uploads()).toBe(before + 1);

    const tooLarge = await uploadFile(server.url, { name: 'orders.csv', content: Buffer.alloc(MAX + 1, 'a') }, { cookie: manager.client.cookie });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', maxBytes: MAX });
    expect(tooLarge.body.errors?.[0]?.message).toMatch(/larger than 20 MB/);
    expect(await uploads()).toBe(before + 1);
  });
});

describe('whose upload it is', () => {
  it('is imported only by its sender in its plant; anyone else gets NOT_FOUND, worded as for an id that never existed', async () => {
    const [mine] = await uploadAll(manager.client, [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nC-1,Prairie Hydraulics,STANDARD,\n') }]);
    const colleague = await colleagueOf(manager.plantId, 'colleague@upload-works.test');
    const theirs = await colleague.request(IMPORT, { p: manager.plantId, f: [mine], m: 'DRY_RUN' });
    const never = randomUUID();
    const nobody = await colleague.request(IMPORT, { p: manager.plantId, f: [{ name: 'customers.csv', uploadId: never }], m: 'DRY_RUN' });
    expect(code(theirs)).toBe('NOT_FOUND');
    expect(code(nobody)).toBe('NOT_FOUND');
    expect(theirs.errors![0]!.message.replace(mine!.uploadId, 'ID')).toBe(nobody.errors![0]!.message.replace(never, 'ID'));
    // another plant's administrator: the plant itself is not theirs
    const demoAdmin = await as(server.url, 'ADMIN');
    expect(code(await demoAdmin.request(IMPORT, { p: demoAdmin.plantId, f: [mine], m: 'DRY_RUN' }))).toBe('NOT_FOUND');
    expect(code(await manager.client.request(IMPORT, { p: manager.plantId, f: [{ name: 'customers.csv', uploadId: 'not-an-id' }], m: 'DRY_RUN' }))).toBe('NOT_FOUND');
    // the sender still can
    expect((await manager.client.data<ImportAnswer>(IMPORT, { p: manager.plantId, f: [mine], m: 'DRY_RUN' })).importPlantData.errors).toEqual([]);
  });

  it('refuses a file given both inline and by upload, or neither way, naming it', async () => {
    const [mine] = await uploadAll(manager.client, [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\n') }]);
    const both = await manager.client.request(IMPORT, { p: manager.plantId, f: [{ ...mine, content: Buffer.from('x').toString('base64') }], m: 'DRY_RUN' });
    const neither = await manager.client.request(IMPORT, { p: manager.plantId, f: [{ name: 'customers.csv' }], m: 'DRY_RUN' });
    expect(code(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0]!.message).toMatch(/customers\.csv.*both content and uploadId/);
    expect(code(neither)).toBe('BAD_USER_INPUT');
    expect(neither.errors![0]!.message).toMatch(/customers\.csv.*neither content and uploadId/);
  });

  it('uploads and imports for an API token with a write scope, its uploads its own', async () => {
    const admin = await as(server.url, 'ADMIN');
    const push = await createToken(admin, 'API', 'ERP push', ['masterdata:write']);
    const file = { name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nC-ERP,Pushed Customer,STANDARD,\n') };
    const answer = await uploadFile(server.url, file, { token: push.secret });
    expect(answer.status).toBe(201);
    const files = [{ name: file.name, uploadId: answer.body.uploadId }];
    const dry = await bearer<ImportAnswer>(server.url, push.secret, IMPORT, { p: admin.plantId, f: files, m: 'DRY_RUN' });
    expect(dry.errors).toBeUndefined();
    expect(dry.data?.importPlantData.counts.find((c) => c.entity === 'customers')?.created).toBe(1);
    // the administrator who made the token is another identity
    expect(code(await admin.request(IMPORT, { p: admin.plantId, f: files, m: 'DRY_RUN' }))).toBe('NOT_FOUND');
  });
});

describe('who may upload', () => {
  const file = { name: 'customers.csv', content: Buffer.from('code,name,tier,contact\n') };

  it('refuses without a credential (401), the roles and tokens that may not import (403), a foreign page (403) and a cookie without the preflight header (400), storing nothing', async () => {
    const before = await uploads();
    const none = await uploadFile(server.url, file);
    expect([none.status, none.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const planner = await as(server.url, 'PLANNER');
    const refused = await uploadFile(server.url, file, { cookie: planner.cookie });
    expect([refused.status, refused.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await as(server.url, 'ADMIN');
    for (const token of [await createToken(admin, 'DISPLAY', 'Wall'), await createToken(admin, 'API', 'Reports', ['reports:read'])]) {
      const answer = await uploadFile(server.url, file, { token: token.secret });
      expect([answer.status, answer.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    }
    const foreign = await uploadFile(server.url, file, { cookie: manager.client.cookie, headers: { origin: 'https://evil.example' } });
    expect([foreign.status, foreign.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    const simple = await uploadFile(server.url, file, { cookie: manager.client.cookie, preflight: false });
    expect([simple.status, simple.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(simple.body.errors?.[0]?.message).toMatch(/x-takt-upload/);
    expect(await uploads()).toBe(before);
  });

  it('answers malformed requests with BAD_USER_INPUT, storing nothing', async () => {
    const before = await uploads();
    const auth = { cookie: manager.client.cookie };
    const expectRefused = (answer: Awaited<ReturnType<typeof postUpload>>, reason: RegExp) => {
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(reason);
    };
    expectRefused(await postUpload(server.url, JSON.stringify({ file: 'x' }), { ...auth, headers: { 'content-type': 'application/json' } }), /multipart\/form-data/);
    const fieldsOnly = new FormData();
    fieldsOnly.append('note', 'no file here');
    expectRefused(await postUpload(server.url, fieldsOnly, auth), /no file part/);
    const two = new FormData();
    two.append('a', new Blob(['x']), 'orders.csv');
    two.append('b', new Blob(['y']), 'customers.csv');
    expectRefused(await postUpload(server.url, two, auth), /one file per upload/);
    const boundary = 'takt-test-boundary';
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.csv"\r\nContent-Type: text/csv\r\n\r\nnumber,customer_code\r\nP-1,C-1`;
    expectRefused(await postUpload(server.url, cut, { ...auth, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }), /multipart/);
    expectRefused(await postUpload(server.url, 'garbage', { ...auth, headers: { 'content-type': 'multipart/form-data' } }), /multipart/);
    const unnamed = new FormData();
    unnamed.append('file', new Blob(['x']), ' ');
    expectRefused(await postUpload(server.url, unnamed, auth), /name/);
    expect(await uploads()).toBe(before);
  });
});
