import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { register as registerThreadMessage } from './thread-message.ts';

export function register(app: App, deps: SlackAppDeps): void {
  registerThreadMessage(app, deps);
}
