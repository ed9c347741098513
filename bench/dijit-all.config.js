// The demo's build with all of Dijit in the layer (dijit/dijit-all): the fixed-profile way, for comparison.
import demo from '../demo/dijitize.config.js';

export default { ...demo, app: '../dist/demo/app.js', packages: { demo: '../demo/public/demo' }, releaseDir: '../.dijitize', modules: [...demo.modules, 'dijit/dijit-all'] };
