export type Target = 'web' | 'h5';

/** Which bundle this is, fixed at build time by the Vite mode (.env.web / .env.h5). */
export const BUILD_TARGET: Target = import.meta.env.VITE_TARGET === 'h5' ? 'h5' : 'web';

/** Empty means the origin that served the console. */
export const API_BASE_URL: string = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');
