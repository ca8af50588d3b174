import { z } from 'zod';

export const collectionSheetParamsSchema = z.strictObject({ groupId: z.uuid() });
/** The meeting's date; today's business date when left out. */
export const collectionSheetQuerySchema = z.strictObject({ date: z.iso.date().optional() });
