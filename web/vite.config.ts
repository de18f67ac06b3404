import { defineConfig } from "vite";

// Relative asset paths, so that the UI works wherever `lagebild serve --web` mounts it.
// The world map's TopoJSON is imported as a module and so bundled: nothing is fetched at run time.
export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": process.env.LAGEBILD_URL ?? "http://127.0.0.1:8080" } },
});
