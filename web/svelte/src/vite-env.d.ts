/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The realm that signs people in; default http://localhost:8180/realms/airtix */
  readonly VITE_OIDC_AUTHORITY?: string;
  /** The public client; default airtix-web */
  readonly VITE_OIDC_CLIENT_ID?: string;
  /** Where the gateway answers /api; default the page's own origin */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
