/** The tool's version, as in package.json (checked by test/index.test.ts). */
export const TOOL_VERSION = '0.1.0';
