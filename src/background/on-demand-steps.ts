// Entry of the steps file (background-steps.js): the check runner, the nine steps and their look-ups, loaded
// by steps-loader.ts the first time a step is asked for, so the worker's first event never waits for them.
// Loading it only publishes the API below: Chrome evaluates it while installing too (to keep it), with no
// step asked for. Its imports of the core's stateful modules read the core's instance (steps-contract.ts).
import { answerCheck, cancelCheck, cancelChecksOfTab, runAutomaticChecks, runCheck } from './check-runner';
import { onPopupOpened } from './auto-run';
import { STEPS_GLOBAL, type StepsApi } from './steps-contract';

const api: StepsApi = { runCheck, runAutomaticChecks, cancelCheck, cancelChecksOfTab, answerCheck, onPopupOpened };

(globalThis as Record<string, unknown>)[STEPS_GLOBAL] = api;
