import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readImportFiles } from '../../../server/src/modules/import/read-files.ts';
import { parseRows } from '../../../server/src/modules/import/parse-rows.ts';
import type { RowError } from '../../../server/src/modules/import/contract.ts';

/** The import's file reading and row parsing (docs/import.md), without a database. */

const CUSTOMERS = 'code,name,tier,contact\n';
const file = (name: string, text: string | Buffer) => ({ name, content: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') });

async function parse(files: { name: string; content: Buffer }[]) {
  const read = await readImportFiles(files);
  const errors: RowError[] = [...read.errors];
  return { parsed: parseRows(read.tables, read.workbook, errors), errors };
}

describe('reading import files', () => {
  it('reads UTF-8 with or without a byte-order mark, with "," or ";" between cells', async () => {
    const comma = await parse([file('customers.csv', `\uFEFF${CUSTOMERS}C-1,"Müller, Söhne",STRATEGIC,x@y.example\n`)]);
    const semicolon = await parse([file('customers.csv', 'code;name;tier;contact\r\nC-1;Müller, Söhne;STRATEGIC;x@y.example\r\n')]);
    for (const { parsed, errors } of [comma, semicolon]) {
      expect(errors).toEqual([]);
      expect(parsed.customers).toEqual([{ key: 'C-1', row: 2, value: { code: 'C-1', name: 'Müller, Söhne', tier: 'STRATEGIC', contact: 'x@y.example', active: true } }]);
    }
  });

  it('refuses UTF-16 and Latin-1 files, binary garbage and unknown names with a reason a person can act on', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${CUSTOMERS}C-1,A,STANDARD,\n`, 'utf16le')]);
    const latin1 = Buffer.from(`${CUSTOMERS}C-1,M\xfcller,STANDARD,\n`, 'latin1');
    const { errors } = await parse([file('customers.csv', utf16), file('products.csv', latin1), file('orders.csv', Buffer.from([0x00, 0x01, 0xff])), file('stuff.csv', 'a,b\n')]);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'customers.csv', row: 1, reason: expect.stringContaining('UTF-16 text; save it as "CSV UTF-8"') }),
      expect.objectContaining({ file: 'products.csv', row: 1, reason: expect.stringContaining('not UTF-8 (it looks like Latin-1') }),
      expect.objectContaining({ file: 'orders.csv', row: 1, reason: expect.stringContaining('NUL bytes: it is not a text file') }),
      expect.objectContaining({ file: 'stuff.csv', row: 1, reason: expect.stringContaining('Unknown file: name CSV files work_centers.csv') }),
    ]);
  });

  it('names missing and unknown header columns', async () => {
    const { errors } = await parse([file('customers.csv', 'code,name,tier,kontakt\nC-1,A,STANDARD,\n')]);
    expect(errors).toEqual([expect.objectContaining({ file: 'customers.csv', row: 1, reason: expect.stringContaining('missing: contact; unknown: kontakt') })]);
  });

  it('never evaluates a formula: a formula-like text cell is refused, a quoted one kept as text', async () => {
    const { parsed, errors } = await parse([file('customers.csv', `${CUSTOMERS}C-1,"=HYPERLINK(""http://evil.example"",""x"")",STANDARD,\nC-2,'=Equals GmbH,STANDARD,\n`)]);
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: 'name', reason: expect.stringContaining('looks like a spreadsheet formula') })]);
    expect(parsed.customers?.map((c) => c.value.name)).toEqual(['=Equals GmbH']);
  });

  it('refuses formula cells of a workbook and reads its sheets like the CSV files', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('customers');
    sheet.addRow(['code', 'name', 'tier', 'contact']);
    sheet.addRow(['C-1', 'Alpha', 'STANDARD', '']);
    sheet.addRow(['C-2', { formula: 'HYPERLINK("http://evil.example","x")', result: 'x' }, 'STANDARD', '']);
    const { parsed, errors } = await parse([{ name: 'plant.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) }]);
    expect(parsed.customers?.map((c) => c.key)).toEqual(['C-1']);
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'customers', row: 3, column: 'name', reason: expect.stringContaining('formula') })]));
  });

  it('reports every bad cell and duplicate key, not just the first', async () => {
    const { errors } = await parse([
      file('work_centers.csv', 'code,name,mon_hours,tue_hours,wed_hours,thu_hours,fri_hours,sat_hours,sun_hours,max_overtime_hours_per_day,rate_per_hour,overtime_premium_per_hour,active\n'
        + 'A,Alpha,8,8,8,8,8,0,0,2,10.00,5.00,true\nB,Beta,eight,8,8,8,8,0,0,2,10.5.0,5.00,maybe\nA,Again,8,8,8,8,8,0,0,2,10.00,5.00,true\n'),
      file('orders.csv', 'number,customer_code,sku,quantity,options,due_date,unit_price,completed_steps\nSO-1,C-1,X,0,finish,2027-02-30,,\n'),
    ]);
    expect(errors.map((e) => `${e.file}:${e.row}:${e.column}`)).toEqual([
      'work_centers.csv:3:mon_hours', 'work_centers.csv:3:rate_per_hour', 'work_centers.csv:3:active', 'work_centers.csv:4:code',
      'orders.csv:2:options', 'orders.csv:2:quantity', 'orders.csv:2:due_date',
    ]);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const { errors } = await parse([file('orders.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41))]);
    expect(errors).toEqual([expect.objectContaining({ file: 'orders.csv', reason: expect.stringContaining('at most 20 MB') })]);
  });
});
