export function resolveIn(from: string, ref: string): string;
export function importsOf(dir: string, entry: string, seen?: Set<string>): Set<string>;
