import type { TopicCount } from '../core/content/question-bank.ts';
import { AppError } from '../core/errors.ts';
import type { EngineEvent } from '../core/interview/events.ts';
import type { Platform } from '../core/thread-id.ts';
import type { PeerView } from './peer/views.ts';

/**
 * The port the interaction handlers post through. Platform-neutral: handlers say *what*
 * to show (engine events and a few app messages) and *where* (workspace, channel,
 * thread); the Slack sender renders Block Kit, a Discord sender would render embeds.
 *
 * Delivery is at-least-once everywhere upstream (Slack retries, BullMQ re-runs), so every
 * post carries an idempotency key and reports progress part by part: one logical message
 * may become several platform messages (size limits), and a re-run must skip the parts
 * that already went out.
 */

/** Where a message goes. `thread` is the platform's thread id (Slack: the root message ts). */
export interface Destination {
  workspaceId: string;
  channelId: string;
  thread?: string;
}

/**
 * Where a private message goes. `replyHandle` is the handle of the platform event this
 * message answers, when that event came with one (Slack: the response_url; Discord: the
 * interaction token). A platform that can post privately anywhere ignores it; one that can
 * only answer privately through the event (Discord's ephemeral follow-ups) needs it.
 */
export interface PrivateDestination extends Destination {
  userId: string;
  replyHandle?: string;
}

/** A user's practice so far, for `/obs-question stats`. */
export interface UserStats {
  userId: string;
  answers: number;
  /** Distinct sessions (questions) the user has answered in. */
  questionsAnswered: number;
  /** Mean of the user's coverage per session, by topic. */
  byTopic: { topic: string; sessions: number; averageScore: number }[];
  /** Consecutive UTC days practised, ending today or yesterday. */
  streakDays: number;
  practisedToday: boolean;
  /** Daily questions answered, per channel (absent when there are none). */
  daily?: DailyUserStats[];
  /** Got it / Partly / Missed after reveals, and how often the automatic check agreed (absent when none). */
  selfAssessed?: SelfAssessedStats;
}

/** A person's own verdicts on revealed key points, beside the automatic ones. */
export interface SelfAssessedStats {
  got: number;
  partly: number;
  missed: number;
  /** Self-assessed points the automatic check also judged (the person had answered). */
  compared: number;
  /** Of those, how many verdicts matched (got = covered, partly = partial, missed = missed). */
  agreed: number;
  /** Which automatic checks judged them. */
  scorers: ('keyword' | 'llm')[];
}

/** One channel's daily questions, for one person. */
export interface DailyUserStats {
  channelId: string;
  /** Local days on which the person answered the channel's daily question. */
  daysAnswered: number;
  /** Consecutive scheduled days answered (channel-local), see `currentStreak`. */
  streak: number;
  pointsThisMonth: number;
}

/** The team's coverage of one rubric point, for the daily reveal. */
export interface DailyRevealPoint {
  theme: string;
  point: string;
  weight: number;
  /** How many of the day's answerers covered it. */
  coveredBy: number;
}

/** The daily reveal: key points with the team's coverage; individual figures only for those who opted in. */
export interface DailyRevealSummary {
  localDate: string;
  /** People who answered before the reveal. */
  answerers: number;
  /** In rubric order. */
  points: DailyRevealPoint[];
  /** Indexes into `points`: the most covered, and the least (the blind spot); absent without answers or ties to call. */
  strongest?: number;
  blindSpot?: number;
  tradeOffs: string[];
  tip: string;
  /** Answerers who opted in (`stats public on`): their score (0–100) and streak. */
  shared: { userId: string; score: number; streak: number }[];
}

export interface LeaderboardEntry {
  userId: string;
  value: number;
}

/** Messages the app shows besides the interview engine's events. */
export type AppMessagePart =
  | { type: 'help'; notUnderstood?: string; note?: string }
  | { type: 'topics'; topics: TopicCount[] }
  | { type: 'stats'; stats: UserStats }
  | { type: 'text'; text: string }
  | { type: 'daily-reveal'; reveal: DailyRevealSummary }
  /** A channel's top daily streaks and points this month, among people who opted in. */
  | { type: 'leaderboard'; channelId: string; month: string; streaks: LeaderboardEntry[]; points: LeaderboardEntry[] }
  /** Peer practice: intro, brief, follow-up menu, nudges, scorecard, pairing (src/app/peer/views.ts). */
  | { type: 'peer'; view: PeerView }
  /** `forget-me`: what will be deleted, with the "Delete my data" and "Cancel" buttons. */
  | { type: 'forget-me-confirm'; platform: Platform };

export type MessagePart = EngineEvent | AppMessagePart;

export interface MessageContent {
  parts: MessagePart[];
  /**
   * The session these parts belong to (an encoded thread id), so buttons can name it.
   * Absent on the message that starts a thread: its own id becomes the thread.
   */
  sessionId?: string;
}

/** Progress of one logical message through delivery, recorded by the caller. */
export interface DeliveryProgress {
  /** Deterministic per logical message: the same on every re-run of the same job. */
  idempotencyKey: string;
  /** Parts already delivered by an earlier run (part index → platform message id). */
  delivered: ReadonlyMap<number, string>;
  /**
   * An earlier run started posting and may have crashed after the platform accepted a part
   * but before it was recorded: look for the key on the platform before posting again.
   */
  verify: boolean;
  /** When that earlier run started posting (epoch ms), to narrow the search. */
  attemptedAt?: number;
  /**
   * Called after each part is delivered (or found already delivered). A part's record must
   * be stored before the next part is sent; `last` says no part follows in this call, so
   * the caller may keep that record with its own record of the whole message.
   */
  onDelivered(part: number, messageId: string, last?: boolean): Promise<void>;
}

export interface PostResult {
  /** The platform id of the first part: for a top-level post, the id of the new thread. */
  messageId: string;
}

/** Reactions say "got it" and "scored" without words; each platform picks its emoji. */
export type ReactionKind = 'received' | 'scored';

export interface ChatSender {
  /** A message everyone in the channel (or thread) sees. */
  postMessage(destination: Destination, content: MessageContent, progress: DeliveryProgress): Promise<PostResult>;
  /**
   * A message only `userId` sees, in the channel or thread. It cannot be read back, so a
   * crash between the platform accepting it and the caller recording it re-sends it.
   */
  postEphemeral(destination: PrivateDestination, content: MessageContent, progress: DeliveryProgress): Promise<void>;
  /** A private reply through the platform's reply handle (Slack response_url). */
  respond(responseUrl: string, content: MessageContent, progress: DeliveryProgress): Promise<void>;
  /** A direct message, the last resort to tell someone why something failed. */
  sendDirect(workspaceId: string, userId: string, content: MessageContent, progress: DeliveryProgress): Promise<void>;
  /** Idempotent: reacting twice with the same kind is not an error. */
  addReaction(target: { workspaceId: string; channelId: string; messageId: string }, reaction: ReactionKind): Promise<void>;
  /**
   * Whether the platform says this person administers the workspace (Slack: admin, owner
   * or primary owner), for settings only admins may change. A refusal the platform will
   * repeat (a missing scope, an unknown user) answers false and is logged; a rate limit or
   * an outage throws, so the job retries. Optional: a sender without it knows no admins.
   */
  isWorkspaceAdmin?(workspaceId: string, userId: string): Promise<boolean>;
}

/**
 * A process serving several platforms holds one sender per platform; jobs, plans and
 * channel keys name their platform, and workers pick the sender with `senderFor`.
 */
export interface SenderRouter {
  senderFor(platform: Platform): ChatSender;
}

/** A single ChatSender serves every job; a router picks by the job's platform. */
export function senderFor(route: ChatSender | SenderRouter, platform: Platform): ChatSender {
  return 'senderFor' in route ? route.senderFor(platform) : route;
}

/** One sender per configured platform; a job for another platform is a deployment error. */
export function routeByPlatform(senders: Partial<Record<Platform, ChatSender>>): SenderRouter {
  return {
    senderFor(platform) {
      const sender = senders[platform];
      if (!sender) throw new AppError('platform_not_configured', `no sender for ${platform}: this worker is not configured for it`);
      return sender;
    },
  };
}

/** A progress tracker that records nothing: for one-off messages that need no resume. */
export function freshProgress(idempotencyKey: string): DeliveryProgress {
  return { idempotencyKey, delivered: new Map(), verify: false, onDelivered: async () => undefined };
}

/** What one pass of `forget-me` removed from the queues. */
export interface ErasedJobs {
  /** The jobs removed, each named by its queue and id (`interactions:42`), so two passes count a job once. */
  ids: string[];
  /** The text of every answer among them, for the LLM score cache (see ScoreCacheEraser). */
  answers: string[];
}

/**
 * The queues' side of `forget-me`: jobs BullMQ still holds that carry a person's platform
 * event. A failed answer job keeps the answer's full text for 7 days, a finished one for an
 * hour, and a waiting or delayed one until it runs. Implemented over BullMQ
 * (src/queue/user-jobs.ts).
 */
export interface QueuedJobsEraser {
  /**
   * Removes the person's jobs (this platform, every workspace) that no worker holds:
   * failed, waiting, delayed, prioritized and completed. Active jobs are left to their
   * worker (see runningJobsOf).
   */
  eraseJobsOf(platform: Platform, userId: string): Promise<ErasedJobs>;
  /**
   * How many of the person's jobs a worker is running now (BullMQ's active state). Their
   * `forget-me` requests are not counted: the one asking is itself running.
   */
  runningJobsOf(platform: Platform, userId: string): Promise<number>;
}

/**
 * The LLM score cache's side of `forget-me`: cached verdicts quote the answer they judged,
 * and are keyed by a hash of it (src/scoring/llm/cache.ts), not by person.
 */
export interface ScoreCacheEraser {
  /**
   * Deletes the cached verdicts on the answers with these hashes (answerHash of the text
   * the scorer was given), for every question, rubric version, prompt and model. Returns
   * the keys deleted.
   */
  eraseVerdictsFor(answerHashes: readonly string[]): Promise<string[]>;
}
