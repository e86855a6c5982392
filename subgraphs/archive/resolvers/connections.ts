/** Connection fields over a service Page: edges and pageInfo are derived, the total counted on demand. */
import type { AuditEntryRow, CompilationRow, ExhibitionRow, FondsRow, RecordRow, UtilizationRow } from '../entities/index.js';
import type { Page } from '../services/pagination.js';

function connection<T>() {
  return {
    nodes: (page: Page<T>) => page.nodes,
    edges: (page: Page<T>) => page.nodes.map((node) => ({ cursor: page.cursorOf(node), node })),
    totalCount: (page: Page<T>) => page.count(),
    pageInfo: (page: Page<T>) => ({
      hasNextPage: page.hasNextPage,
      endCursor: page.nodes.length > 0 ? page.cursorOf(page.nodes[page.nodes.length - 1]!) : null,
    }),
  };
}

export const FondsConnection = connection<FondsRow>();
export const RecordConnection = connection<RecordRow>();
export const ExhibitionConnection = connection<ExhibitionRow>();
export const CompilationConnection = connection<CompilationRow>();
export const UtilizationConnection = connection<UtilizationRow>();
export const AuditEntryConnection = connection<AuditEntryRow>();
