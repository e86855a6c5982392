import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A region (行政区划) of the province, loaded from the GB/T 2260 data package. */
export const RegionEntity = defineEntity({
  name: 'Region',
  tableName: 'region',
  schema: 'province',
  properties: {
    code: p.string().length(6).primary(),
    name: p.string(),
    level: p.enum(['PROVINCE', 'CITY', 'COUNTY'] as const),
    parent: () => p.manyToOne(RegionEntity).nullable().fieldName('parent_code').index(),
  },
});

export type RegionRow = InferEntity<typeof RegionEntity>;
