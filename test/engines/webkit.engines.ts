// WebKitGTK (through WebKitWebDriver, under Xvfb) runs the cross-engine suite; its feature flows against the built demo.
import { crossEngineSuite } from './suite.js';

crossEngineSuite('webkit', 'built');
