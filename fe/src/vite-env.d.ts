/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_TARGET?: string;
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_BRAND_TITLE?: string;
  readonly VITE_BRAND_LOGO?: string;
}
