export function importName(id: string): string;
export function register(index: string, id: string): string;
export function ruleSource(rule: { id: string; category: string; severity: string; clause: string }): string;
export function scaffold(
  root: string,
  id: string,
  options?: { severity?: string; clause?: string },
): { file: string; clause: string };
