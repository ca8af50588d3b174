import { assertRole, type Context, inTransaction } from '../../context.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { saveSetting, settingValue } from '../organisation/index.ts';
import { SETTINGS_KEEPERS, SETTINGS_READERS } from './contributions.roles.ts';
import { DEFAULT_INCENTIVE, type IncentiveRule } from './contributions.rules.ts';
import { type CollectionSettings, collectionSettingsSchema, incentiveRuleSchema } from './contributions.schema.ts';

const COLLECTION_SETTINGS_KEY = 'jkn_collection_settings';
export const DEFAULT_COLLECTION_SETTINGS: CollectionSettings = { cashHoldingLimitDays: 3, incentiveRule: DEFAULT_INCENTIVE };

/** The stored settings, each falling back to its default when missing or unreadable. */
export async function collectionSettings(db: Queryable): Promise<CollectionSettings> {
  const stored = (await settingValue(db, COLLECTION_SETTINGS_KEY)) ?? {};
  const days = collectionSettingsSchema.shape.cashHoldingLimitDays.safeParse(stored.cashHoldingLimitDays);
  const rule = incentiveRuleSchema.safeParse(stored.incentiveRule);
  return {
    cashHoldingLimitDays: days.success ? days.data : DEFAULT_COLLECTION_SETTINGS.cashHoldingLimitDays,
    incentiveRule: rule.success ? (rule.data as IncentiveRule) : DEFAULT_COLLECTION_SETTINGS.incentiveRule,
  };
}

export async function getCollectionSettings(ctx: Context) {
  assertRole(ctx, SETTINGS_READERS);
  return collectionSettings(ctx.db);
}

/** Admins set the rules; the change is audited with what it was before. */
export async function updateCollectionSettings(ctx: Context, input: CollectionSettings) {
  assertRole(ctx, SETTINGS_KEEPERS);
  return inTransaction(ctx, async (tx) => {
    const before = await collectionSettings(tx);
    await saveSetting(tx, COLLECTION_SETTINGS_KEY, input, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'contributions.settings', entityType: 'setting', entityId: undefined, before, after: input });
    return input;
  });
}
