// The cross-browser scenarios (scenarios.ts) in Chromium: the same code as in Firefox, one browser launch.
import { browserScenarios } from './scenarios.ts';

browserScenarios('chromium');
