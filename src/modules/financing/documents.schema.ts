import { z } from 'zod';
import { calendarDate } from '../../core/schemas.ts';

export const collectionSheetParamsSchema = z.strictObject({ groupId: z.uuid() });
/** The meeting's date; today's business date when left out. */
export const collectionSheetQuerySchema = z.strictObject({ date: calendarDate.optional() });
