// Firefox ESR (over WebDriver BiDi) runs the cross-engine suite; its feature flows against the source demo.
import { crossEngineSuite } from './suite.js';

crossEngineSuite('firefox', 'source');
