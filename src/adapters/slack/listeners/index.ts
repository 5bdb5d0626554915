import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../deps.ts';
import { register as registerActions } from './actions/index.ts';
import { register as registerCommands } from './commands/index.ts';
import { register as registerEvents } from './events/index.ts';
import { register as registerPeer } from './peer/index.ts';

/** Every Slack listener, one file each, registered from its folder's index. */
export function registerListeners(app: App, deps: SlackAppDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerPeer(app, deps);
}
