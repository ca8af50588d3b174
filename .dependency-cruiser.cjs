/** Import boundaries of shared/STYLE.md, checked by `npm run check`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core has no I/O: no database, no node:*, no other layers (the browser runs it offline); zod for the shared schemas, i18next for the message catalogue.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/core/', 'node_modules/zod', 'node_modules/i18next'] },
    },
    {
      name: 'rules-and-schemas-are-pure',
      comment: 'Schemas and rules import only zod and src/core (and other schemas), never the database or node:*.',
      severity: 'error',
      from: { path: '\\.(rules|schema)\\.ts$', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/core/', '\\.(schema|rules)\\.ts$', 'node_modules/zod'] },
    },
    {
      name: 'only-stores-query',
      comment: 'Nothing talks to the database except store code (and the db layer, migrations, tests, bootstrap).',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: ['\\.store\\.ts$', '\\.test\\.ts$'] },
      to: { path: 'node_modules/(kysely|pg|@electric-sql)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-meet-through-index',
      comment:
        'A module uses another module only through its public index.ts (schemas, and the chart of accounts for rules files, excepted).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: [
          '^src/modules/$1/',
          '^src/modules/[^/]+/index\\.ts$',
          '\\.schema\\.ts$',
          '\\.tables\\.ts$',
          // Pure rules (savings, provisions) need account codes and cannot import an index.ts.
          '^src/modules/ledger/accounts\\.rules\\.ts$',
        ],
      },
    },
    {
      name: 'index-exposes-no-store',
      comment: "A module's index.ts exposes use cases and pure rules, never store functions: other modules ask the module's service.",
      severity: 'error',
      from: { path: '^src/modules/[^/]+/index\\.ts$' },
      to: { path: '\\.store\\.ts$' },
    },
    {
      name: 'stores-are-private',
      comment:
        'Code outside src/modules (CLI, HTTP, export, testing, web) never calls a store; between modules modules-meet-through-index forbids it.',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/[^/]+\\.store\\.ts$' },
    },
    {
      name: 'stores-read-their-own-tables',
      comment:
        "A store queries only its own module's tables: it types its database as StoreDb<OwnTables> (src/db/store.ts) and imports neither another module's tables nor the all-tables types. Another module's data comes through that module's index.ts, combined in the service.",
      severity: 'error',
      from: {
        path: '^src/modules/([^/]+)/[^/]+\\.store\\.ts$',
        pathNot: [
          // Documented exceptions, each still reading another module's tables (or needing what StoreDb leaves out):
          '^src/modules/financing/close-day\\.store\\.ts$', // close of day: set-based SQL over financing with business_group, fund, office, app_user
          '^src/modules/ledger/ledger\\.store\\.ts$', // own tables only, but posts an entry with its lines through WITH, which StoreDb leaves out
          '^src/modules/ledger/books\\.store\\.ts$', // the day's seal hashes journal rows, audit records and offices exactly as stored (docs/books.md)
          '^src/modules/dashboards/dashboards-refresh\\.store\\.ts$', // close of day fills the dashboards' monthly figures with set-based SQL over the modules' tables (docs/dashboards.md)
          '^src/modules/home/home\\.store\\.ts$', // the home page's counts: one read-only statement per figure over the lists they link to (docs/decisions/0007-home-and-dashboards-read-across-modules.md)
          '^src/modules/timeline/timeline\\.store\\.ts$', // a person's timeline and a family's flags: read-only statements over financing, JKN and aid (docs/person-view.md, decision 0007's pattern)
          '^src/modules/reminders/due\\.store\\.ts$', // reminders: read-only set-based selection of what is due in financing, JKN, health, partnerships, USEP and the books (docs/reminders.md)
        ],
      },
      to: {
        path: ['^src/db/(database|tables)\\.ts$', '^src/modules/[^/]+/[^/]+\\.tables\\.ts$'],
        pathNot: '^src/modules/$1/',
      },
    },
    {
      name: 'web-stays-in-the-browser',
      comment: 'The web app may share core and schemas, never server code.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: ['^src/core/', '\\.schema\\.ts$', '\\.rules\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['web/dist', '\\.tmp'] },
  },
};
