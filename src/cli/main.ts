import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import type { Context } from '../context.ts';
import { AppError } from '../core/errors.ts';
import { translate } from '../core/messages.ts';
import { createLogger } from '../http/logger.ts';
import { UsageError } from './usage-error.ts';

// Each command loads its own modules when it runs (import() below), so that `jaring help` or a
// backup does not first load the HTTP server and every module: a command starts in about a
// second instead of three to four.

const HELP = `Jaring — platform program jaring pengaman sosial

Usage: jaring <command> [options]

  serve                         start the API and web app (PORT, default 3000)
  migrate                       apply database migrations and load regions
  user add <username> --role <role> [--office <code>]... [--name <full name>]
           [--area <region code>]... [--organisation <name>] --password-stdin
                                create a user; on an empty database this also creates
                                the organisation (like the first-run page). --area narrows
                                the offices' regions to an official's area (a lurah's
                                kelurahan 34.71.01.1001, a camat's kecamatan 34.71.01)
  token create <username> [--name <label>]
                                create an API token (printed once)
  import households <file.csv> [--dry-run] [--skip-invalid --rejects <out.csv>]
                                import households (DTKS layout, one row per person)
  schedule                      read a schedule request (JSON) on stdin, print the schedule
  close-day --date <YYYY-MM-DD> close a business day: late charges, days past due, quality
                                classes, portfolio at risk (safe to re-run; resumes if cut off)
  health fhir <personId>        print a person's health record as a FHIR R4 Bundle (JSON);
                                the read is audited
  aid cycle compute <cycleId> --as <username> [--chunk <n>] [--pause <ms>]
                                compute a social assistance cycle's entitlements in
                                restartable chunks (a re-run completes a cut-off one)
  aid cycle approve <cycleId> --as <username>
                                approve a cycle and all its entitlements (the checker:
                                never the cycle's maker)
  aid cycle instructions <cycleId> --channel bank|lkd|giro_pos --out <file.csv> --as <username>
                                the next payment instruction batch of a channel, streamed
  aid cycle reconcile <cycleId> --channel bank|lkd|giro_pos --file <confirmation.csv> --as <username>
                                import a channel's confirmation file (safe to repeat)
  books export --office <code> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--out <file.jsonl>]
                                write an office's sealed books (entries, lines, audit records,
                                daily roots) to a file
  books verify <file.jsonl>     check such a file offline (no database): names the first
                                day, record and field that do not match
  partitions list               the monthly partitions of the large tables, their rows, and
                                the archived months
  partitions archive --table <table> --month <YYYY-MM> [--out <file.jsonl>]
                                write a closed month of journal_line, audit_log,
                                jkn_contribution_payment, cadre_visit or aid_instruction (by
                                its cycle's period) to a file (with its SHA-256) and detach it;
                                reports over it then say it is archived
  partitions restore <file.jsonl>
                                put an archived month back from its file
  reminders run                 queue today's reminders (instalments, JKN, screening recalls,
                                agreements, group reports, books roots) and send what may go
                                now on the configured channels (safe to repeat; never twice)
  demo                          fill an empty database with the demo organisation
  backup <file> [--force]       back up the database to <file>: the embedded one as a .tar.gz
                                (refused while a server has it open), PostgreSQL with pg_dump;
                                prints row counts and the trial balance
  restore <file> [--force]      restore a backup into an empty data directory or database
                                (--force: replace what is there; a data directory is moved aside)
  migrate-to-postgres <DATABASE_URL> [--batch <rows>]
                                copy the embedded database into an empty PostgreSQL database
                                and compare row counts and the trial balance on both
  help                          this text

Environment: DATABASE_URL (PostgreSQL) or JARING_DATA_DIR (embedded, default ./data),
PORT, HOST, LOG_LEVEL; reminders: JARING_REMINDER_* , JARING_SMTP_*, JARING_MESSAGE_GATEWAY_*
(docs/reminders.md).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { serve } = await import('./serve.ts');
        return await serve();
      }
      case 'migrate':
        return await withDatabase('migrate', async () => {
          console.log('Database migrated; regions loaded.');
        });
      case 'user':
        return await userCommand(rest);
      case 'token':
        return await tokenCommand(rest);
      case 'import': {
        const { parseImportArgs, runImport } = await import('./import.ts');
        const options = parseImportArgs(rest);
        let code = 0;
        await withDatabase('import', async (ctx) => {
          code = await runImport(ctx, options);
        });
        return code;
      }
      case 'schedule': {
        const { scheduleCommand } = await import('./schedule.ts');
        return await scheduleCommand(readStdin);
      }
      case 'close-day': {
        const { closeDayCommand } = await import('./close-day.ts');
        let code = 0;
        await withDatabase('close-day', async (ctx) => {
          code = await closeDayCommand(ctx, rest);
        });
        return code;
      }
      case 'health': {
        const { parseHealthArgs, healthFhirCommand } = await import('./health.ts');
        const { personId } = parseHealthArgs(rest);
        let code = 0;
        await withDatabase('health fhir', async (ctx) => {
          code = await healthFhirCommand(ctx, personId);
        });
        return code;
      }
      case 'reminders': {
        const { parseRemindersArgs, remindersRunCommand } = await import('./reminders.ts');
        parseRemindersArgs(rest);
        const config = loadConfig();
        let code = 0;
        await withDatabase('reminders', async (ctx) => {
          code = await remindersRunCommand(ctx, config.reminders);
        });
        return code;
      }
      case 'books': {
        const { parseBooksArgs, booksVerifyCommand, booksExportCommand } = await import('./books.ts');
        const options = parseBooksArgs(rest);
        if (options.action === 'verify') return await booksVerifyCommand(options);
        let code = 0;
        await withDatabase('books', async (ctx) => {
          code = await booksExportCommand(ctx, options);
        });
        return code;
      }
      case 'partitions': {
        const { parsePartitionsArgs, partitionsCommand } = await import('./partitions.ts');
        const options = parsePartitionsArgs(rest);
        let code = 0;
        await withDatabase('partitions', async (ctx) => {
          code = await partitionsCommand(ctx, options);
        });
        return code;
      }
      case 'aid': {
        const { parseAidArgs, aidCommand } = await import('./aid.ts');
        const options = parseAidArgs(rest);
        let code = 0;
        await withDatabase('aid', async (ctx) => {
          code = await aidCommand(ctx, options);
        });
        return code;
      }
      case 'demo': {
        const { fillDemo, fillDemoAid, fillDemoCadres, fillDemoHealth, fillDemoMoney, fillDemoPartnerships, fillDemoUsep } = await import(
          '../modules/demo/index.ts'
        );
        return await withDatabase('demo', async (ctx) => {
          const result = await fillDemo(ctx);
          console.log(
            `Demo organisation "${result.organisation.name}" created with offices YK01 (Kota Yogyakarta) and BD01 (Kabupaten Bandung).`,
          );
          console.log(
            `${result.households} households with ${result.persons} persons registered in their villages; ${result.groups} business groups with a musyawarah each.`,
          );
          // Cadres before the money: the close of day that ends it then counts their collections in the ledger's balances.
          const cadres = await fillDemoCadres(ctx);
          console.log(
            `${cadres.cadres} JKN-KIS cadres in Kabupaten Bandung; the user kader has a printable card and ${cadres.families} families, several in arrears. Their cards' verification pages (each path on the server's origin, e.g. http://localhost:3000/v/…):`,
          );
          const meaning = { active: 'genuine and on duty', suspended: 'warns: suspended', revoked: 'warns: card revoked' };
          for (const card of cadres.cards) console.log(`  ${card.verifyPath}\n    ${card.name} (${card.village}): ${meaning[card.status]}`);
          const money = await fillDemoMoney(ctx);
          console.log(
            `${money.products} financing products, ${money.funds} funds and ${money.financings} financings (waiting, queued, repaying, in arrears, closed, written off); savings for ${money.savers} members; the day is closed.`,
          );
          const health = await fillDemoHealth(ctx);
          console.log(
            `Family-doctor programme: dokter serves Kricak and Katapang with ${health.families} families profiled, ${health.encounters} encounters, ${health.screenings} IVA/pap smear screenings (recalls due and overdue), ${health.sessions} counselling sessions and ${health.ill} ill member with an instalment due.`,
          );
          const aid = await fillDemoAid(ctx);
          console.log(
            `Social assistance: ${aid.enrolled} families of Kricak and Bener enrolled in PKH (paid from fund BANSOS-PKH); this quarter's stage paid (${aid.paid} transfers, ${aid.failed} failed and on the retry list) and the next stage computed, waiting for the supervisor pembina's approval.`,
          );
          const partnerships = await fillDemoPartnerships(ctx);
          console.log(
            `Partnerships for health promotion (YK01): ${partnerships.partners} partners and ${partnerships.partnerships} partnerships (a puskesmas evaluated, a company arranging roles, a professional organisation being explored); the puskesmas's MoU ends within 90 days.`,
          );
          const usep = await fillDemoUsep(ctx);
          console.log(
            `USEP KM: ${usep.groups} groups in Kricak with the city's stimulus (Rp19.714.000) passed on over two rounds to ${usep.financings} members, a merged business, coaching, and group reports at each stage of the chain (received, acknowledged, accepted, submitted, returned, draft).`,
          );
          console.log(`Users (password for all: ${result.password}):`);
          for (const user of result.users) console.log(`  ${user.username.padEnd(12)} ${user.role}`);
        });
      }
      case 'backup':
      case 'restore': {
        const { parseBackupArgs, backupCommand } = await import('./backup.ts');
        const options = parseBackupArgs(command, rest);
        const config = loadConfig();
        return await backupCommand(config, createLogger('silent'), options);
      }
      case 'migrate-to-postgres': {
        const { parseMigrateArgs, migrateToPostgresCommand } = await import('./migrate-to-postgres.ts');
        const options = parseMigrateArgs(rest);
        const config = loadConfig();
        return await migrateToPostgresCommand(config, createLogger('silent'), options);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  const isArgsError = error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  if (error instanceof UsageError || isArgsError) {
    console.error(`${error.message}\n\n${HELP}`);
    return 2;
  }
  if (error instanceof AppError) {
    console.error(`Error: ${translate(error.code, 'en', error.params)} (${error.code})`);
    for (const fieldError of error.errors)
      console.error(`  ${fieldError.field}: ${fieldError.message ?? translate(fieldError.code, 'en', fieldError.params)}`);
    return 1;
  }
  console.error(error instanceof Error ? error.message : String(error));
  return 1;
}

async function withDatabase(command: string, work: (ctx: Context) => Promise<void>): Promise<number> {
  const config = loadConfig();
  const { openConfiguredDatabase, systemContext } = await import('../bootstrap.ts');
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const opened = await openConfiguredDatabase(config, command, (step, done, total) => {
    if (step === 'regions' && done !== undefined && total !== undefined) process.stderr.write(`\rLoading regions ${done}/${total}`);
    if (step === 'regions' && done === total) process.stderr.write('\n');
  });
  try {
    await work(systemContext(opened.database, log, `cli:${command}`));
    return 0;
  } finally {
    await opened.close();
  }
}

async function userCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      office: { type: 'string', multiple: true },
      area: { type: 'string', multiple: true },
      name: { type: 'string' },
      organisation: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const [sub, username] = positionals;
  if (sub !== 'add' || !username)
    throw new UsageError('Usage: jaring user add <username> --role <role> [--office <code>] [--area <region code>] --password-stdin');
  if (!values['password-stdin'])
    throw new UsageError('Give the password on standard input with --password-stdin (never on the command line).');
  const password = await readStdin();
  const { createUserInputSchema } = await import('../modules/identity/index.ts');
  const { fieldErrorsFromZod } = await import('../http/problem.ts');
  const parsed = createUserInputSchema.safeParse({
    username,
    fullName: values.name ?? username,
    role: values.role,
    password,
    officeCodes: values.office ?? [],
    areaCodes: values.area ?? [],
  });
  if (!parsed.success) {
    for (const fieldError of fieldErrorsFromZod(parsed.error, { username, role: values.role, password }, ''))
      console.error(`  ${fieldError.field}: ${fieldError.message ?? translate(fieldError.code, 'en', fieldError.params)}`);
    return 2;
  }
  const { addUser } = await import('../modules/identity/index.ts');
  const { createOrganisation, getOrganisation } = await import('../modules/organisation/index.ts');
  const { inTransaction } = await import('../context.ts');
  return withDatabase('user add', async (ctx) => {
    const user = await inTransaction(ctx, async (tx) => {
      if (!(await getOrganisation(tx))) await createOrganisation(tx, ctx, { name: values.organisation ?? 'Jaring' });
      return addUser(tx, ctx, parsed.data);
    });
    console.log(
      `User ${user.username} (${user.role}) created${user.offices.length ? ` in ${user.offices.map((o) => o.code).join(', ')}` : ''}${
        user.areaCodes.length ? `, area ${user.areaCodes.join(', ')}` : ''
      }.`,
    );
  });
}

async function tokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
  const [sub, username] = positionals;
  if (sub !== 'create' || !username) throw new UsageError('Usage: jaring token create <username> [--name <label>]');
  const name = z
    .string()
    .trim()
    .min(1)
    .max(80)
    .parse(values.name ?? 'cli');
  const { createApiToken } = await import('../modules/identity/index.ts');
  return withDatabase('token create', async (ctx) => {
    const { token } = await createApiToken(ctx, username.toLowerCase(), name);
    console.log(token);
    console.error('Keep this token secret; it is shown only once. Use it as: Authorization: Bearer <token>');
  });
}
