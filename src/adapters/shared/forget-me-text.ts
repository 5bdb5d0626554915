import type { Platform } from '../../core/thread-id.ts';

/** The confirmation's words, shared by Slack and Discord so both promise the same thing. */
export function forgetMeQuestion(platform: Platform): string {
  const where = platform === 'discord' ? 'Discord' : 'Slack';
  return [
    `Delete everything I store about your ${where} account, in every ${platform === 'discord' ? 'server' : 'workspace'}?`,
    'That is your interview sessions, your answers, your practice history and stats, your self-assessments, your daily-question entries and streaks, your peer-practice records, your public-stats opt-in, and replies or answers of yours still waiting in the queue. It cannot be undone.',
    'Your account on another platform has another id: run `forget-me` there too.',
  ].join('\n');
}

export const FORGET_ME_CANCELLED = 'Cancelled: nothing was deleted.';
export const FORGET_ME_CONFIRM_LABEL = 'Delete my data';
export const FORGET_ME_CANCEL_LABEL = 'Cancel';
