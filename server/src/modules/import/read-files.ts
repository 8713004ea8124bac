import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  IMPORT_ENTITIES, IMPORT_FILES, MAX_IMPORT_FILE_BYTES, type ImportEntity, type RowError, type SourceRow, type SourceTables,
} from './contract.ts';

/** An uploaded file: its name and bytes. */
export interface ImportFile {
  name: string;
  content: Buffer;
}

export interface ReadResult {
  tables: SourceTables;
  /** Whether the files were one workbook (errors then name sheets, not files). */
  workbook: boolean;
  errors: RowError[];
}

const fileError = (file: string, reason: string, row = 1, column = '', value = ''): RowError => ({ file, row, column, value, reason });

/**
 * Reads the files of an import into rows by entity: CSV files named like the entities
 * (`orders.csv`), UTF-8 with or without a byte-order mark, `,` or `;` between cells; or one XLSX
 * workbook with sheets named like the entities. Problems with a whole file (wrong name, encoding,
 * size, header) are errors at row 1; cells are kept as text, never evaluated.
 */
export async function readImportFiles(files: readonly ImportFile[]): Promise<ReadResult> {
  const errors: RowError[] = [];
  const tables: SourceTables = {};
  if (files.length === 0) return { tables, workbook: false, errors: [fileError('', 'No files were given: add CSV files named like work_centers.csv, or one .xlsx workbook.')] };
  const workbooks = files.filter((f) => /\.xlsx$/i.test(f.name));
  for (const f of files) {
    if (f.content.length > MAX_IMPORT_FILE_BYTES) {
      errors.push(fileError(f.name, `The file has ${(f.content.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB per file. Split it, or leave out what did not change.`));
    }
  }
  if (errors.length) return { tables, workbook: workbooks.length > 0, errors };
  if (workbooks.length > 0) {
    if (files.length > 1) return { tables, workbook: true, errors: [fileError(workbooks[0]!.name, 'Give either one .xlsx workbook or CSV files, not both or several workbooks.')] };
    await readWorkbook(workbooks[0]!, tables, errors);
    return { tables, workbook: true, errors };
  }
  for (const f of files) {
    const entity = f.name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '') as ImportEntity;
    if (!/\.csv$/i.test(f.name) || !IMPORT_ENTITIES.includes(entity)) {
      errors.push(fileError(f.name, `Unknown file: name CSV files ${IMPORT_ENTITIES.map((e) => `${e}.csv`).join(', ')}.`));
      continue;
    }
    if (tables[entity]) {
      errors.push(fileError(f.name, `${entity}.csv is given twice.`));
      continue;
    }
    const text = decodeCsv(f, errors);
    if (text !== null) tables[entity] = csvRows(`${entity}.csv`, IMPORT_FILES[entity], text, errors);
  }
  return { tables, workbook: false, errors };
}

/**
 * One CSV file of other rows than a plant's (`progress.csv`), read by the same rules: UTF-8, `,` or
 * `;`, a header naming exactly `columns`, cells kept as text.
 */
export function readCsvFile(f: ImportFile, columns: readonly string[]): { rows: SourceRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const text = decodeCsv(f, errors);
  return { rows: text === null ? [] : csvRows(f.name, columns, text, errors), errors };
}

/** The file as text, or null with an error when it is not UTF-8 text. */
function decodeCsv(f: ImportFile, errors: RowError[]): string | null {
  const b = f.content;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    errors.push(fileError(f.name, 'The file is UTF-16 text; save it as "CSV UTF-8" (comma delimited) and import it again.'));
    return null;
  }
  if (b[0] === 0x50 && b[1] === 0x4b) {
    errors.push(fileError(f.name, 'This is a ZIP or XLSX file named .csv; name a workbook .xlsx, or save each sheet as CSV UTF-8.'));
    return null;
  }
  if (b.includes(0)) {
    errors.push(fileError(f.name, 'The file contains NUL bytes: it is not a text file. Export the data as CSV UTF-8.'));
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    errors.push(fileError(f.name, 'The file is not UTF-8 (it looks like Latin-1/Windows-1252, e.g. "ü" saved by an older Excel); save it as "CSV UTF-8" and import it again.'));
    return null;
  }
}

function csvRows(file: string, expected: readonly string[], text: string, errors: RowError[]): SourceRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: false });
  } catch (err) {
    errors.push(fileError(file, `The file is not valid CSV: ${(err as Error).message}`, (err as { lines?: number }).lines ?? 1));
    return [];
  }
  return toRows(file, expected, records, errors);
}

/** Header checks and cells by column; the first record is the header (row 1). */
function toRows(file: string, expected: readonly string[], records: string[][], errors: RowError[]): SourceRow[] {
  const header = (records[0] ?? []).map((h) => h.trim());
  const missing = expected.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => c !== '' && !expected.includes(c));
  if (missing.length || unknown.length) {
    errors.push(fileError(file, `The header must name the columns ${expected.join(',')}${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`, 1, '', header.join(',')));
    return [];
  }
  const rows: SourceRow[] = [];
  records.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      errors.push(fileError(file, `The row has ${cells.length} cells but the header ${header.length}; quote cells that contain the delimiter.`, i + 2));
      return;
    }
    rows.push({ row: i + 2, cells: Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ''])) });
  });
  return rows;
}

async function readWorkbook(f: ImportFile, tables: SourceTables, errors: RowError[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(f.content as unknown as ArrayBuffer);
  } catch {
    errors.push(fileError(f.name, 'The file is not a readable .xlsx workbook; save it from your spreadsheet as "Excel Workbook (.xlsx)".'));
    return;
  }
  for (const sheet of workbook.worksheets) {
    const entity = sheet.name.trim() as ImportEntity;
    if (!IMPORT_ENTITIES.includes(entity)) {
      errors.push(fileError(sheet.name, `Unknown sheet: name sheets ${IMPORT_ENTITIES.join(', ')}.`));
      continue;
    }
    const records: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell, (reason) => errors.push(fileError(entity, reason, rowNumber, String(records[0]?.[col - 1] ?? ''), String(cell.text ?? ''))));
      });
      records[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    tables[entity] = toRows(entity, IMPORT_FILES[entity], Array.from(records, (r) => r ?? []), errors);
  }
}

/** A cell as text, as the CSV would hold it: numbers with `.`, dates ISO, booleans true/false; formulas refused. */
function cellText(cell: ExcelJS.Cell, refuse: (reason: string) => void): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      refuse('The cell is a formula; formulas are never evaluated. Replace it with its value (copy, paste values).');
      return '';
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) {
      refuse(`The cell holds the error ${String(v.error)}; put a value in it.`);
      return '';
    }
  }
  return String(cell.text ?? '');
}
