import type { DemoStep } from './context.js';
import { networkDemoStep } from './network.js';
import { forecastDemoStep } from './forecast.js';
import { readinessDemoStep } from './readiness.js';
import { accountsDemoStep } from './accounts.js';
import { eventsDemoStep } from './events.js';
import { developmentDemoStep } from './development.js';
import { outletContactsDemoStep } from './outletContacts.js';
import { targetsDemoStep } from './targets.js';

/** The demo region is built by these steps in order; each feature adds one line after the ones it needs. */
export const DEMO_STEPS: DemoStep[] = [
  networkDemoStep,
  forecastDemoStep,
  readinessDemoStep,
  accountsDemoStep,
  eventsDemoStep,
  developmentDemoStep,
  outletContactsDemoStep,
  targetsDemoStep,
];
