import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { registerButton } from './button-press.ts';

/** Starts a 1:1 mock interview on the question the button sits under: the worker decides what the presser may do. */
export function register(app: App, deps: SlackAppDeps): void {
  registerButton(app, deps, 'mock-me');
}
