/**
 * Asking an archive's OAI-PMH endpoint as a harvester does, and reading what it answered:
 * the few parts of a response the tests assert on, taken out of the XML Lantai writes.
 */
import { expect } from 'vitest';
import { schemaErrors } from '../harness/xml-schema.js';

export interface OaiAnswer {
  status: number;
  contentType: string | null;
  xml: string;
}

export async function askOai(baseUrl: string, args: Record<string, string> | [string, string][], method: 'GET' | 'POST' = 'GET'): Promise<OaiAnswer> {
  const query = new URLSearchParams(args);
  const response =
    method === 'GET'
      ? await fetch(`${baseUrl}?${query}`)
      : await fetch(baseUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query.toString() });
  return { status: response.status, contentType: response.headers.get('content-type'), xml: await response.text() };
}

/** Fails the test unless the answer is HTTP 200 and valid under the official OAI-PMH 2.0 schema (and the format schemas). */
export async function expectValidOai(answer: OaiAnswer): Promise<void> {
  expect(answer.status).toBe(200);
  expect(answer.contentType).toMatch(/^text\/xml/);
  expect(await schemaErrors('oai-pmh-responses.xsd', answer.xml)).toBe('');
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export function errorCodes(xml: string): string[] {
  return [...xml.matchAll(/<error code="([A-Za-z]+)">/g)].map((match) => match[1]!);
}

export interface HarvestedHeader {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
}

export function headersOf(xml: string): HarvestedHeader[] {
  return [...xml.matchAll(/<header( status="deleted")?>([\s\S]*?)<\/header>/g)].map((match) => ({
    identifier: decode(/<identifier>(.*?)<\/identifier>/.exec(match[2]!)![1]!),
    datestamp: /<datestamp>(.*?)<\/datestamp>/.exec(match[2]!)![1]!,
    deleted: match[1] !== undefined,
    sets: [...match[2]!.matchAll(/<setSpec>(.*?)<\/setSpec>/g)].map((set) => decode(set[1]!)),
  }));
}

export interface Token {
  value: string;
  cursor: number;
  completeListSize: number;
  expirationDate: string | null;
}

export function tokenOf(xml: string): Token | null {
  const match = /<resumptionToken completeListSize="(\d+)" cursor="(\d+)"(?: expirationDate="([^"]+)")?>([^<]*)<\/resumptionToken>/.exec(xml);
  if (!match) return null;
  return { value: decode(match[4]!), cursor: Number(match[2]), completeListSize: Number(match[1]), expirationDate: match[3] ?? null };
}

export function responseDateOf(xml: string): string {
  return /<responseDate>(.*?)<\/responseDate>/.exec(xml)![1]!;
}

/** Every page of a list, following its resumption tokens; each page is checked against the schemas. */
export async function harvestAll(baseUrl: string, verb: 'ListIdentifiers' | 'ListRecords', args: Record<string, string>): Promise<{ pages: string[]; headers: HarvestedHeader[] }> {
  const pages: string[] = [];
  let answer = await askOai(baseUrl, { verb, ...args });
  for (;;) {
    await expectValidOai(answer);
    pages.push(answer.xml);
    const token = tokenOf(answer.xml);
    if (!token || token.value === '') break;
    answer = await askOai(baseUrl, { verb, resumptionToken: token.value });
  }
  return { pages, headers: pages.flatMap(headersOf) };
}
