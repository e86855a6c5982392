export interface ArchiveLoaders {}
