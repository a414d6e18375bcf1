/**
 * The orders as a CSV file a spreadsheet opens right in the shopper's locale: UTF-8 with a byte
 * order mark (so Excel reads the accents, Hebrew and Cyrillic), `;` between fields where the
 * locale writes decimals with a comma (else `,`), amounts with the locale's decimal mark, dates
 * as YYYY-MM-DD, one row per item. Written by papaparse (RFC 4180 quoting), which also escapes
 * values a spreadsheet would run as a formula (a store or item name from a page starting with
 * "=", "+", "-", "@"): page text stays text.
 */
import Papa from 'papaparse';
import { plainAmount } from '../domain/money';
import { kindKey } from '../domain/deadlines/engine';
import { TABLE_COLUMNS, type TableRow } from '../domain/orders-table';
import type { Translate } from '../i18n';

/** The locale's decimal mark and the field separator a spreadsheet in that locale expects. */
export function csvPunctuation(lang: string): { decimal: string; delimiter: string } {
  let decimal: string;
  try {
    decimal = new Intl.NumberFormat(lang.replace('_', '-')).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    decimal = '.';
  }
  return { decimal, delimiter: decimal === ',' ? ';' : ',' };
}

export const CSV_BOM = '\uFEFF';

export function ordersCsv(rows: readonly TableRow[], t: Translate, lang: string): string {
  const { decimal, delimiter } = csvPunctuation(lang);
  const cell = (row: TableRow, column: (typeof TABLE_COLUMNS)[number]): string => {
    switch (column) {
      case 'price':
      case 'order_total': {
        const m = row[column];
        return m ? plainAmount(m, decimal) : '';
      }
      case 'quantity':
        return row.quantity === null ? '' : String(row.quantity);
      case 'status':
        return t(`status_${row.status}`);
      case 'next_deadline_kind':
        return row.next_deadline_kind ? t(kindKey(row.next_deadline_kind)) : '';
      case 'next_deadline_source':
        return row.next_deadline_source ? t(`deadline_source_${row.next_deadline_source}`) : '';
      default:
        return row[column] ?? '';
    }
  };
  const csv = Papa.unparse(
    { fields: TABLE_COLUMNS.map((c) => t(`backup_column_${c}`)), data: rows.map((r) => TABLE_COLUMNS.map((c) => cell(r, c))) },
    { delimiter, newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  return CSV_BOM + csv;
}
