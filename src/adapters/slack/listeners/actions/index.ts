import type { App } from '@slack/bolt';
import type { SlackAppDeps } from '../../deps.ts';
import { register as registerFinish } from './finish.ts';
import { register as registerForgetMe } from './forget-me.ts';
import { register as registerHint } from './hint.ts';
import { register as registerMockMe } from './mock-me.ts';
import { register as registerNext } from './next.ts';
import { register as registerReveal } from './reveal.ts';
import { register as registerSelfAssess } from './self-assess.ts';

export function register(app: App, deps: SlackAppDeps): void {
  registerHint(app, deps);
  registerReveal(app, deps);
  registerNext(app, deps);
  registerFinish(app, deps);
  registerMockMe(app, deps);
  registerSelfAssess(app, deps);
  registerForgetMe(app, deps);
}
