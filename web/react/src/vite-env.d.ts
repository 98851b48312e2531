/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the gateway answers /api; default the page's own origin */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
