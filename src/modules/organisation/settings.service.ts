import type { Queryable } from '../../db/database.ts';
import { findSetting, insertSettingOnce, upsertSetting } from './settings.store.ts';

/** A module's stored settings under its key (the module validates them), or null. */
export const settingValue = (db: Queryable, key: string) => findSetting(db, key);
/** Stores a module's settings under its key (the caller audits the change). */
export const saveSetting = (db: Queryable, key: string, value: Record<string, unknown>, now: Date) => upsertSetting(db, key, value, now);
/** Stores a module's settings under its key unless some are already there (first writer wins). */
export const saveSettingOnce = (db: Queryable, key: string, value: Record<string, unknown>) => insertSettingOnce(db, key, value);
