/** The cookie holding a visitor's reading-mode (适老模式) choice: "on", or "off"/absent. */
export const READING_MODE_COOKIE = "reading-mode";
