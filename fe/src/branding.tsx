// The console's branding: title and optional logo from VITE_BRAND_TITLE / VITE_BRAND_LOGO (see .env), colours from
// branding.css. A deployment site replaces these through its fe-overrides/ without touching the console's code.
export const BRAND_TITLE: string = import.meta.env.VITE_BRAND_TITLE || 'Tokligence Gateway';
const logo = import.meta.env.VITE_BRAND_LOGO ?? '';
// Relative to public/, so one setting works under both bases (/ and /h5/).
export const BRAND_LOGO_URL: string = logo ? import.meta.env.BASE_URL + logo.replace(/^\/+/, '') : '';

export function BrandMark() {
  return (
    <>
      {BRAND_LOGO_URL && <img className="brand-logo" src={BRAND_LOGO_URL} alt="" />}
      {BRAND_TITLE}
    </>
  );
}
