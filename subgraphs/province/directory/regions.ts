/**
 * The province's region tree, read once from the region table when a server is built: the
 * tree does not change while a service runs (it is loaded from the GB/T 2260 data package
 * when the database is created), so every region field is answered from memory.
 */
import { badUserInput } from '../../../protocol/errors.js';
import { isRegionCode, type Region, type RegionLevel } from '../../../protocol/regions.js';
import { RegionEntity } from '../entities/index.js';
import type { ProvinceEntityManager } from '../database.js';

/** A region of the tree: the same record as the GB/T 2260 data package gives. */
export type RegionNode = Region;

export class RegionTree {
  readonly root: RegionNode;
  readonly #byCode = new Map<string, RegionNode>();
  readonly #children = new Map<string, RegionNode[]>();
  /** Regions in tree order: the province, then each city followed by its counties. */
  readonly #ordered: RegionNode[] = [];

  constructor(regions: RegionNode[]) {
    for (const region of regions) {
      this.#byCode.set(region.code, region);
      this.#children.set(region.code, []);
    }
    const roots = regions.filter((r) => r.parentCode === null);
    if (roots.length !== 1) throw new Error(`The region table holds ${roots.length} roots; expected one province.`);
    this.root = roots[0]!;
    for (const region of regions) {
      if (region.parentCode === null) continue;
      const siblings = this.#children.get(region.parentCode);
      if (!siblings) throw new Error(`Region ${region.code} hangs under ${region.parentCode}, which is not in the table.`);
      siblings.push(region);
    }
    for (const siblings of this.#children.values()) siblings.sort((a, b) => a.code.localeCompare(b.code));
    const visit = (region: RegionNode) => {
      this.#ordered.push(region);
      for (const child of this.#children.get(region.code)!) visit(child);
    };
    visit(this.root);
  }

  static async load(em: ProvinceEntityManager): Promise<RegionTree> {
    const rows = await em.find(RegionEntity, {}, { orderBy: { code: 'asc' } });
    return new RegionTree(
      rows.map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parent?.code ?? null })),
    );
  }

  get size(): number {
    return this.#byCode.size;
  }

  get(code: string): RegionNode | undefined {
    return this.#byCode.get(code);
  }

  /** The region of a client-given code; null when the province has none with that code. */
  find(code: string): RegionNode | null {
    if (!isRegionCode(code)) {
      throw badUserInput(`Malformed region code "${code.slice(0, 80)}": expected a 6-digit administrative-division code (行政区划代码, GB/T 2260), e.g. 360100.`);
    }
    return this.#byCode.get(code) ?? null;
  }

  /** Like find, but an unknown code is the client's error. */
  require(code: string): RegionNode {
    const region = this.find(code);
    if (!region) throw badUserInput(`Region ${code} is not a region (行政区划) of ${this.root.name} (${this.root.code}).`);
    return region;
  }

  parentOf(region: RegionNode): RegionNode | null {
    return region.parentCode === null ? null : this.#byCode.get(region.parentCode)!;
  }

  childrenOf(region: RegionNode): RegionNode[] {
    return this.#children.get(region.code) ?? [];
  }

  /** All regions in tree order, or only those of one level. */
  list(level?: RegionLevel | null): RegionNode[] {
    return level ? this.#ordered.filter((r) => r.level === level) : [...this.#ordered];
  }

  /** The codes of a region and of every region below it. */
  subtreeCodes(region: RegionNode): string[] {
    const codes: string[] = [];
    const visit = (node: RegionNode) => {
      codes.push(node.code);
      for (const child of this.#children.get(node.code)!) visit(child);
    };
    visit(region);
    return codes;
  }

  /** A region's code and its ancestors' codes, nearest first. */
  lineageCodes(code: string): string[] {
    const codes: string[] = [];
    for (let node = this.#byCode.get(code); node; node = node.parentCode ? this.#byCode.get(node.parentCode) : undefined) {
      codes.push(node.code);
    }
    return codes;
  }
}
