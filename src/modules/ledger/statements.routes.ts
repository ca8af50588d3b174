import { z } from 'zod';
import { type AnyRoute, defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { LEDGER_READERS } from './ledger.roles.ts';
import { balanceSheetQuerySchema, balanceSheetSchema, incomeStatementQuerySchema, incomeStatementSchema } from './statements.schema.ts';
import { balanceSheet, balanceSheetFile, incomeStatement, incomeStatementFile, type StatementFormat } from './statements.service.ts';

const FILE_TYPES: Record<StatementFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const fileRoutes = (['pdf', 'xlsx'] as const).flatMap((format): AnyRoute[] => [
  defineRoute({
    method: 'GET',
    url: `/api/v1/ledger/balance-sheet.${format}`,
    reads: 'replica',
    tag: 'ledger',
    summary: `The balance sheet as ${format === 'pdf' ? 'a printable PDF' : 'an Excel workbook'} (Bahasa Indonesia)`,
    auth: LEDGER_READERS,
    query: balanceSheetQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES[format]],
    handler: async (ctx, { query }, { reply }) => {
      const file = await balanceSheetFile(ctx, query, format);
      reply
        .type(FILE_TYPES[format])
        .header('content-disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
      return file.body as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: `/api/v1/ledger/income-statement.${format}`,
    reads: 'replica',
    tag: 'ledger',
    summary: `The income statement as ${format === 'pdf' ? 'a printable PDF' : 'an Excel workbook'} (Bahasa Indonesia)`,
    auth: LEDGER_READERS,
    query: incomeStatementQuerySchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES[format]],
    handler: async (ctx, { query }, { reply }) => {
      const file = await incomeStatementFile(ctx, query, format);
      reply
        .type(FILE_TYPES[format])
        .header('content-disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
      return file.body as unknown as string;
    },
  }),
]);

export const statementRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/ledger/balance-sheet',
    reads: 'replica',
    tag: 'ledger',
    summary: "Balance sheet as of a date (one office or all in your scope): assets = liabilities + equity incl. the year's profit",
    auth: LEDGER_READERS,
    query: balanceSheetQuerySchema,
    response: balanceSheetSchema,
    handler: (ctx, { query }) => balanceSheet(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/ledger/income-statement',
    reads: 'replica',
    tag: 'ledger',
    summary: 'Income statement of a period: income, expenses and the net, grouped by the chart',
    auth: LEDGER_READERS,
    query: incomeStatementQuerySchema,
    response: incomeStatementSchema,
    handler: (ctx, { query }) => incomeStatement(ctx, query),
  }),
  ...fileRoutes,
];
