// The Dijit themes dijitize serves: the settings check a theme against them, and the package folders say
// where each one's stylesheet is.

/**
 * The Dijit themes this package can serve: four ship with dijit, `flat` comes from dojo-themes.
 * @example if ((THEMES as readonly string[]).includes(String(req.query.theme))) req.dojo.theme = req.query.theme as Theme;
 * @public
 */
export const THEMES = ['claro', 'tundra', 'soria', 'nihilo', 'flat'] as const;
/**
 * A Dijit theme dijitize serves: one of THEMES.
 * @public
 */
export type Theme = (typeof THEMES)[number];
