/** Options every renderer takes. */

/** How to render a report. */
export interface RenderOptions {
  /** Use ANSI colours (terminal only; default: false). */
  readonly color: boolean;
  /** Line width for wrapping terminal output (default: 100). */
  readonly width: number;
  /** Only these change kinds (default: all). */
  readonly only?: ReadonlySet<string>;
}

/** Defaults: no colour, 100 columns, every kind. */
export const DEFAULT_RENDER_OPTIONS: RenderOptions = { color: false, width: 100 };
