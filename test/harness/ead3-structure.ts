/**
 * EAD3 finding aids checked without SAA's schema, which is not in the repository (a file a
 * `fetch` brings may not be committed by developers): xmllint --noout for well-formedness,
 * then assertions on the structure Lantai writes — <ead> in the EAD3 namespace with <control>
 * and <archdesc level="fonds">, whose <did> has unitid, unittitle, langmaterial and, where it
 * has a unitdate, its normal form; <dsc> holding <c level="file"> with <c level="item"> nested
 * (an item holds no component), each <c> with unitid, unittitle, unitdate normal and langmaterial.
 */
import { execFile } from 'node:child_process';
import { expect } from 'vitest';
import { requireDebianCommand } from './debian-package.js';

/** xmllint's complaints about `xml` as XML (not against any schema); empty when it is well-formed. */
export async function wellFormednessErrors(xml: string): Promise<string> {
  const xmllint = await requireDebianCommand({ package: 'libxml2-utils', command: 'xmllint' });
  return new Promise((resolve, reject) => {
    const child = execFile(xmllint, ['--noout', '--nonet', '-'], { maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve(error ? stderr.trim() || `xmllint exited with ${String(error.code)}` : '');
    });
    child.stdin!.end(xml);
  });
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_all, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name]!,
  );
}

/** A tree of the document's elements; only for documents xmllint has found well-formed. */
function parse(xml: string): Element {
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      stack.at(-1)!.text += unescape(text);
      continue;
    }
    if (name === undefined) continue;
    if (closing) {
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, double, single] of attributeText!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[key!] = unescape(double ?? single ?? '');
    const element: Element = { name: name!, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  return root.children[0]!;
}

function child(element: Element, name: string): Element | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

function only(element: Element, name: string, where: string): Element {
  const found = element.children.filter((candidate) => candidate.name === name);
  expect(found, `${where} has one <${name}>`).toHaveLength(1);
  return found[0]!;
}

const NORMAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/;

function checkUnitdate(did: Element, where: string, required: boolean): void {
  const unitdate = child(did, 'unitdate');
  if (!required && !unitdate) return;
  expect(unitdate, `${where} has a <unitdate>`).toBeDefined();
  expect(unitdate!.attributes.normal, `${where}'s unitdate has a normal form`).toMatch(NORMAL_DATE);
  expect(unitdate!.text.trim(), `${where}'s unitdate has text`).not.toBe('');
}

function checkLangmaterial(did: Element, where: string): void {
  const langmaterial = only(did, 'langmaterial', where);
  const languageset = only(langmaterial, 'languageset', `${where}'s langmaterial`);
  expect(only(languageset, 'language', `${where}'s languageset`).attributes.langcode).toBe('chi');
  expect(only(languageset, 'script', `${where}'s languageset`).attributes.scriptcode).toBe('Hans');
}

function checkComponent(component: Element, parentLevel: 'dsc' | 'file', counts: { files: number; items: number }): void {
  const level = component.attributes.level;
  if (parentLevel === 'file') expect(level, 'a component inside a file is an item').toBe('item');
  else expect(['file', 'item']).toContain(level);
  if (level === 'file') counts.files += 1;
  else counts.items += 1;
  const did = component.children[0];
  expect(did?.name, 'a component starts with <did>').toBe('did');
  const unitid = only(did!, 'unitid', 'a component');
  const where = `component ${unitid.text}`;
  expect(unitid.attributes.localtype).toBe('档号');
  expect(unitid.text.trim()).not.toBe('');
  expect(only(did!, 'unittitle', where).text.trim()).not.toBe('');
  checkUnitdate(did!, where, true);
  checkLangmaterial(did!, where);
  const nested = component.children.filter((candidate) => candidate.name === 'c');
  if (level === 'item') expect(nested, `${where}, an item, holds no component`).toHaveLength(0);
  for (const inner of nested) checkComponent(inner, 'file', counts);
}

/**
 * Asserts that `xml` is a well-formed EAD3 finding aid of the shape Lantai writes, and gives
 * its fonds code and how many files and items it describes.
 */
export async function expectEad3FindingAid(xml: string): Promise<{ fonds: string; files: number; items: number }> {
  expect(await wellFormednessErrors(xml)).toBe('');
  const ead = parse(xml);
  expect(ead.name).toBe('ead');
  expect(ead.attributes.xmlns).toBe('http://ead3.archivists.org/schema/');
  expect(ead.children.map((element) => element.name)).toEqual(['control', 'archdesc']);
  const control = ead.children[0]!;
  expect(only(control, 'recordid', '<control>').text.trim()).not.toBe('');
  only(control, 'filedesc', '<control>');
  const archdesc = ead.children[1]!;
  expect(archdesc.attributes.level).toBe('fonds');
  const did = only(archdesc, 'did', '<archdesc>');
  const fonds = only(did, 'unitid', '<archdesc><did>');
  expect(fonds.attributes.localtype).toBe('全宗号');
  expect(fonds.text.trim()).not.toBe('');
  expect(only(did, 'unittitle', '<archdesc><did>').text.trim()).not.toBe('');
  checkUnitdate(did, 'the fonds', false);
  checkLangmaterial(did, 'the fonds');
  const counts = { files: 0, items: 0 };
  const dsc = child(archdesc, 'dsc');
  if (dsc) {
    expect(dsc.children.length, '<dsc> holds components').toBeGreaterThan(0);
    for (const component of dsc.children) {
      expect(component.name).toBe('c');
      checkComponent(component, 'dsc', counts);
    }
  }
  return { fonds: fonds.text, ...counts };
}
