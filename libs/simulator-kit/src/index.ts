/**
 * What the provider simulators share: the simulated clock, scripted faults, the control API's
 * generic parts, the request log and HTML helpers. The service never imports it, and it imports
 * nothing of the service (docs/design.md#module-boundaries).
 */
export { SimulatorClock } from './clock/simulator-clock.js';
export {
  AdvanceClockDto,
  DeliveryFaultScopeDto,
  deliveryFaultFrom,
  RouteFaultDto,
  routeFaultFrom,
} from './control/control.dto.js';
export {
  controlValidation,
  SimulatorControlController,
  type WebhookAttemptLog,
} from './control/simulator-control.controller.js';
export {
  FAULT_KINDS,
  RouteFaults,
  type FaultKind,
  type RouteFault,
} from './faults/route-faults.js';
export { ScriptedFaults, type Scripted } from './faults/scripted-faults.js';
export { decodeJson, encodeBase64Json, encodeJson } from './html/base64-json.js';
export { FaultInjectingHttpHooks } from './http/fault-injecting-http-hooks.js';
export { RequestLog, type LoggedRequest } from './http/request-log.js';
export { autoPost, escapeHtml, isHttpUrl, page, passwordForm } from './html/html.js';
