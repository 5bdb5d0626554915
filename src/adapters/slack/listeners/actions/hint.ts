import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { registerButton } from './button-press.ts';

/** A hint for the presser's own answer: the worker decides what the presser may do. */
export function register(app: App, deps: SlackAppDeps): void {
  registerButton(app, deps, 'hint');
}
