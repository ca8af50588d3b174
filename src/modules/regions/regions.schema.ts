import { z } from 'zod';
import { cursorParam } from '../../core/schemas.ts';

export const regionCodeParamsSchema = z.strictObject({ code: z.string().max(20) });
export const regionsQuerySchema = z.strictObject({
  parent: z.string().trim().max(20).optional(),
  q: z.string().trim().min(2).max(60).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type RegionsQuery = z.infer<typeof regionsQuerySchema>;

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  levelName: z.enum(['province', 'regency', 'district', 'village']),
  kind: z.string(),
  parentCode: z.string().nullable(),
});
export type RegionView = z.infer<typeof regionSchema>;
export const regionPageSchema = z.object({
  items: z.array(regionSchema.extend({ path: z.string().optional() })),
  nextCursor: z.string().nullable(),
});
export const regionDetailSchema = regionSchema.extend({ parents: z.array(regionSchema), childCount: z.number() });
