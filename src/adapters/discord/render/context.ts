import type { AppMessagePart } from '../../../app/ports.ts';
import type { EngineEvent } from '../../../core/interview/events.ts';
import type { RenderedPart } from './message.ts';

export interface RenderContext {
  /** The session's encoded thread id, when the message is inside an existing thread. */
  sessionId?: string;
}

export type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
export type AppPartOf<T extends AppMessagePart['type']> = Extract<AppMessagePart, { type: T }>;
export type Renderer<P> = (part: P, context: RenderContext) => RenderedPart;
