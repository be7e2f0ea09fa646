/** Class names the admin forms share (a plain module, so server and client components can both import it). */
export const INPUT = "mt-1 block w-full rounded border border-stone-500 bg-white px-3 py-2";
export const BUTTON = "rounded bg-stone-800 px-4 py-2 font-medium text-white disabled:opacity-60";
