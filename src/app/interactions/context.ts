import type { QuestionBank } from '../../core/content/question-bank.ts';
import type { IdlePolicy } from '../../core/interview/pacing.ts';
import type { SessionMode } from '../../core/interview/session-state.ts';
import type { Scorer } from '../../core/scoring/types.ts';
import type { Platform } from '../../core/thread-id.ts';
import type { Logger } from '../../infra/logger.ts';
import type { InteractionJob } from '../../queue/jobs.ts';
import type { Stores } from '../../store/index.ts';
import type { DailyServices } from '../daily/scheduling.ts';
import type { ChatSender, QueuedJobsEraser, ScoreCacheEraser } from '../ports.ts';
import type { PeerServices } from '../peer/services.ts';

/** Picks the scorer for a workspace or channel (keyword today, an LLM where configured). */
export type ScorerResolver = (scope: { workspaceId: string; channelId?: string }) => Promise<Scorer>;

/** Schedules a pacing tick for a session at an absolute time (epoch ms). */
export type TickScheduler = (tick: { threadId: string; at: number }) => Promise<void>;

/** The per-workspace/per-channel scorer choice, for `/obs-question scoring`. */
export interface ScoringSettings {
  /** Whether an LLM is configured at all (OPENAI_API_KEY / OPENAI_BASE_URL). */
  llmAvailable: boolean;
  get(scope: { workspaceId: string; channelId?: string }): Promise<'llm' | 'keyword' | undefined>;
  set(scope: { workspaceId: string; channelId?: string }, choice: 'llm' | 'keyword'): Promise<void>;
  clear(scope: { workspaceId: string; channelId?: string }): Promise<void>;
}

export interface InteractionDeps {
  sender: ChatSender;
  stores: Stores;
  bank: QuestionBank;
  resolveScorer: ScorerResolver;
  scheduleTick: TickScheduler;
  now: () => number;
  logger: Logger;
  /** Overrides the engine's follow-up limits per mode. */
  maxFollowUps?: Partial<Record<SessionMode, number>>;
  /** For picking questions; injectable so tests are deterministic. */
  random?: () => number;
  /** Users allowed to change settings besides workspace admins (OBS_ADMIN_USERS). */
  adminUserIds?: ReadonlySet<string>;
  /** Scorer choice; absent where no settings store is wired (the command then says so). */
  scoring?: ScoringSettings;
  /** Daily questions: absent where no daily queue is wired (the commands then say so). */
  daily?: DailyServices;
  /** A silent mock thread: one nudge, then closed (default 24 h and 7 days). */
  mockIdle?: IdlePolicy;
  /** Peer mock interviews and the pairing pool: absent where not wired (the commands then say so). */
  peer?: PeerServices;
  /** The person's jobs still on the queues, for `forget-me`; absent where no queue is wired (forget-me then reaches the stores only). */
  queuedJobs?: QueuedJobsEraser;
  /** The LLM score cache, for `forget-me`; absent where none is wired (forget-me then leaves cached verdicts to expire). */
  scoreCache?: ScoreCacheEraser;
  /**
   * How `forget-me` waits for the person's jobs a worker is running before its second pass:
   * a check every `pollMs`, for at most `timeoutMs` (default 250 ms, 30 s).
   */
  forgetMeWait?: { pollMs: number; timeoutMs: number };
}

/** What deciding a plan may use without reading any store (see plan-ahead.ts). */
export type DecisionDeps = Pick<InteractionDeps, 'bank' | 'now' | 'random' | 'maxFollowUps' | 'mockIdle'>;

/** One job being handled: its dependencies and where its plan lives. */
export interface JobContext {
  deps: InteractionDeps;
  platform: Platform;
  workspaceId: string;
  /** The platform event's key: the outbox key, and the dedupe key. */
  eventKey: string;
  /**
   * The person whose plan this is (who sent the event; for a timer, the mock's candidate),
   * stored in the plan so `forget-me` can find it: a plan may quote their answer.
   */
  userId?: string;
  log: Logger;
  /**
   * Set when this job stored the event's plan itself (none existed), so the plan's progress
   * read with the job's claim is still current and need not be read again.
   */
  planCreated?: boolean;
  /**
   * Set by a caller that hands `storedWithPlan` on to runPlan (handleInteraction): a new plan
   * whose first step is a post is then stored with that post's attempt mark, which spares
   * runPlan the round trip it would make for the mark just before the post.
   */
  marksFirstPost?: boolean;
  /** The progress fields submitPlan stored with this job's new plan (see marksFirstPost). */
  storedWithPlan?: ReadonlyMap<string, string>;
}

export type JobOf<K extends InteractionJob['kind']> = Extract<InteractionJob, { kind: K }>;
