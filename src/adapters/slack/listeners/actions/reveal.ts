import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { registerButton } from './button-press.ts';

/** The key points, shown only to the presser: the worker decides what the presser may do. */
export function register(app: App, deps: SlackAppDeps): void {
  registerButton(app, deps, 'reveal');
}
