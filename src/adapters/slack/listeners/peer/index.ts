import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { register as registerButton } from './button.ts';
import { register as registerScorecardView } from './scorecard-view.ts';

/** Peer practice's Slack listeners: its buttons and the scorecard form. */
export function register(app: App, deps: SlackAppDeps): void {
  registerButton(app, deps);
  registerScorecardView(app, deps);
}
