export interface FolderEdge { from: string; to: string; where: string }
export function folderEdges(root: string): FolderEdge[];
export function folderCycles(root: string): Array<{ units: string[]; imports: string[] }>;
