// `npm run build`: the Dojo build of exactly the modules this app's forms use (dijitize build).
export default { app: './app.js', releaseDir: '.dijitize' };
