// The cross-browser scenarios (scenarios.ts) in Debian's Firefox ESR, driven over WebDriver BiDi with the
// extension installed as a temporary add-on: one browser launch for the file.
import { firefoxUnavailable } from './driver.ts';
import { browserScenarios } from './scenarios.ts';

browserScenarios('firefox', firefoxUnavailable());
