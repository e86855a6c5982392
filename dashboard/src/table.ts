/**
 * A figure's table: shown beside its chart (readable without it, for screen readers and for
 * copying) and downloadable as CSV with a UTF-8 byte order mark, so that Excel opens the
 * Chinese intact.
 */
export interface Cell {
  /** What the page shows, with its unit. */
  text: string;
  /** What the CSV holds: the bare number or text. */
  value: string | number | null;
  /** A region the row drills down to. */
  region?: string;
}

export interface Table {
  caption: string;
  columns: string[];
  rows: Cell[][];
}

export const cell = (text: string, value: string | number | null | undefined = text, region?: string): Cell => ({ text, value: value ?? null, ...(region ? { region } : {}) });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

export { el };

/** The table as an HTML table; a cell with a region is a link that drills down to it. */
export function tableElement(table: Table, drill: (region: string) => void): HTMLTableElement {
  const node = el('table');
  node.append(el('caption', table.caption));
  const head = el('tr');
  for (const column of table.columns) head.append(el('th', column, { scope: 'col' }));
  const thead = el('thead');
  thead.append(head);
  node.append(thead);
  const body = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr');
    for (const [index, value] of row.entries()) {
      const td = el(index === 0 ? 'th' : 'td', undefined, index === 0 ? { scope: 'row' } : { class: 'number' });
      if (value.region) {
        const link = el('a', value.text, { href: `?region=${value.region}`, 'data-region': value.region });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          drill(value.region!);
        });
        td.append(link);
      } else {
        td.textContent = value.text;
      }
      tr.append(td);
    }
    body.append(tr);
  }
  node.append(body);
  return node;
}

/**
 * The table as CSV (UTF-8 with a BOM, CRLF lines), by csv-stringify, loaded on the first
 * download so the first view does not carry it: it quotes what needs quoting and prefixes a
 * cell a spreadsheet would run as a formula (=, +, -, @, their full-width forms) with an
 * apostrophe, as the catalogue export does.
 */
export async function csvOf(table: Table): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  const rows = [table.columns, ...table.rows.map((row) => row.map((c) => c.value))];
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows', escape_formulas: true, cast: { number: (value) => String(value) } })}`;
}

/** Offers `content` as a download named `name`. */
export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a', undefined, { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
