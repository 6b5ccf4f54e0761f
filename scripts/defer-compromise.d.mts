import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function deferredCompromiseSource(): string;
export function deferCompromiseVite(): VitePlugin;
export function deferCompromiseEsbuild(): EsbuildPlugin;
