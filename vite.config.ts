// Build and dev server for the web app (src/web → dist/web). `npx vite build` builds it;
// `npx vite` serves it with a small in-memory stand-in for the corpus API (src/web/dev).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { devApi } from "./src/web/dev/dev-api.ts";

const root = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

// biome-ignore lint/style/noDefaultExport: Vite reads the default export of its config file
export default defineConfig({
  root,
  base: "./",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: { host: "127.0.0.1", strictPort: false },
  preview: { host: "127.0.0.1" },
  plugins: [devApi({ corpus: process.env["PACTA_CORPUS"] ?? "corpus/sino-soviet" })],
});
