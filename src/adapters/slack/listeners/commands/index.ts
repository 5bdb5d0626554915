import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { register as registerObsQuestion } from './obs-question.ts';

export function register(app: App, deps: SlackAppDeps): void {
  registerObsQuestion(app, deps);
}
