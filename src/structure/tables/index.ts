/**
 * Template tables: recognition by labels, reading into typed grids, identity evaluation.
 */
export { readTables, readTablesWithCoverage, cellsExpected, type PrintedTableRead } from './read';
export { evaluateTable } from './evaluate';
export { compileTemplates, loadTemplates, type TemplateSet } from './templates';
export { evaluateRecognised, fromRecognisedTable, toRecognisedTable } from './model';
export type {
  CellCheckDefinition,
  ColumnDefinition,
  IdentityCheck,
  IdentityDefinition,
  IdentityKind,
  IdentityOp,
  ReadCell,
  ReadCellKind,
  ReadTable,
  RowDefinition,
  SumIdentityDefinition,
  TableKind,
  TemplateDefinition,
  ValueType,
} from './types';
