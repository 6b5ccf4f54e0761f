import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export const COMPROMISE_SCRIPT: string;
export function compromiseBuild(): { version: string; license: string; source: string };
export function compromiseScriptFile(): string;
export function compromiseScriptSource(): string;
export function compromiseByImportScriptsEsbuild(): EsbuildPlugin;
export function compromiseFromFileEsbuild(file?: string): EsbuildPlugin;
export function compromiseBuildFile(): string;
export function loaderSource(name: string, replacements?: Record<string, string>): string;
export function deferredCompromiseSource(umd?: string): string;
export function deferCompromiseVite(): VitePlugin;
