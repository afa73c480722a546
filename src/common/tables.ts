/**
 * The short names of the statistics tables, one map for every message.
 */
export type TableId = 'T2' | 'T3' | 'T4' | 'STAT';

/** 表二, 表三, 表四 and the pre-2019 政府信息公开情况统计表. */
export const TABLE_NAME: Readonly<Record<TableId, string>> = { T2: '表二', T3: '表三', T4: '表四', STAT: '政府信息公开情况统计表' };
export const TABLE_NAME_EN: Readonly<Record<TableId, string>> = { T2: 'table 二', T3: 'table 三', T4: 'table 四', STAT: 'the statistics table' };
