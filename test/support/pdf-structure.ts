import { getDocumentProxy } from 'unpdf';

/*
 * A PDF's logical structure as a screen reader meets it, read with PDF.js (unpdf): the structure
 * tree of each page (`getStructTree`), each element with the text of its marked content. An
 * element whose content runs over a page break appears once per page, with that page's part.
 */

export interface StructNode {
  role: string;
  text: string;
  children: StructNode[];
}

interface RawNode {
  role?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

interface TextItem {
  type?: string;
  id?: string | null;
  str?: string;
  hasEOL?: boolean;
}

export async function structure(bytes: Uint8Array): Promise<{ pages: StructNode[]; hasStructTree: boolean }> {
  // PDF.js may take over the buffer it is given: give it a copy.
  const pdf = await getDocumentProxy(bytes.slice());
  const { hasStructTree } = (await pdf.getMetadata()) as { hasStructTree?: boolean };
  const pages: StructNode[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const texts = new Map<string, string>();
    const open: (string | null)[] = [];
    for (const item of content.items as TextItem[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
        open.push(item.id ?? null);
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        const id = open.at(-1);
        // PDF.js turns the space drawn at a line's end into an end-of-line mark: a space again here.
        if (id) texts.set(id, (texts.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
      }
    }
    const tree = (await page.getStructTree()) as RawNode | null;
    const build = (node: RawNode): StructNode => {
      const children = (node.children ?? []).filter((c) => c.role).map(build);
      const own = (node.children ?? [])
        .filter((c) => c.type === 'content' && c.id)
        .map((c) => texts.get(c.id ?? '') ?? '');
      const text = [...own, ...children.map((c) => c.text)].join(' ');
      return { role: node.role ?? 'Root', text: text.replace(/\s+/g, ' ').trim(), children };
    };
    pages.push(build(tree ?? {}));
  }
  return { pages, hasStructTree: Boolean(hasStructTree) };
}

/** Every element of `role` in reading order, over all pages. */
export function all(pages: StructNode[], role: string): StructNode[] {
  const found: StructNode[] = [];
  const walk = (node: StructNode) => {
    if (node.role === role) found.push(node);
    node.children.forEach(walk);
  };
  pages.forEach(walk);
  return found;
}

/** The roles from the root down to the first element (the document's skeleton, e.g. Document > H1). */
export const roles = (node: StructNode): string[] => node.children.map((c) => c.role);

/** A table's rows as their cells' texts, with the cells' roles (TH or TD). */
export const rows = (table: StructNode) =>
  all([table], 'TR').map((tr) => tr.children.map((cell) => `${cell.role}:${cell.text}`));
