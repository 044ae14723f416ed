/** Types of bin/entry.js, the `pacta` bin's choice between the build and the sources. */
export declare function cliEntry(root: string): { built: boolean; path: string };
