/**
 * Loads an ESM package synchronously on first use (Node ≥ 20.19 loads ES modules with require).
 * Why: remark, remark-gfm and rehype cost ~0.4 s to load and most statements never need them
 * (plain blocks take the fast path); the parse stage stays synchronous (issue 5, startup).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The default export of `specifier`, loaded once. */
export function loadDefault<T>(specifier: string): T {
  const mod = require(specifier) as { default?: T } & T;
  return (mod.default ?? mod) as T;
}

/** The module namespace of `specifier`, loaded once. */
export function loadModule<T>(specifier: string): T {
  return require(specifier) as T;
}
