export type RegionTable = { code: string; parent_code: string | null; level: number; name: string };
export type ReferenceDatasetTable = { name: string; version: string; row_count: number; loaded_at: Date };
export type RegionTables = { region: RegionTable; reference_dataset: ReferenceDatasetTable };
