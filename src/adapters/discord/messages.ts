/** The few sentences the Discord adapter itself says; everything else comes from the worker. */
export const QUEUE_UNAVAILABLE_TEXT = "I can't reach my queue right now: try again in a minute.";
export const GENERIC_ERROR_TEXT = 'Something went wrong on my side, sorry. Try again; if it keeps happening, tell whoever runs me.';
export const ASK_STARTING_TEXT = '📐 Posting a question in this channel…';
export const MOCK_STARTING_TEXT = '🎤 Setting up your mock interview…';
export const ANSWER_RECEIVED_TEXT = '📝 Got your answer. Scoring it now; your feedback appears here, visible only to you.';
export const GUILD_ONLY_TEXT = 'obs-bot works in servers: run `/obs-question` in a server channel.';
export const NOT_IN_THREAD_TEXT = 'Run this in a text channel, not in a thread: the question starts a thread of its own.';
export const STALE_BUTTON_TEXT = "That button doesn't work any more (it may be from an older message). Start a new one with `/obs-question ask`.";
export const MANAGE_SERVER_TEXT = 'Sorry, only members with the **Manage Server** permission can change this. Ask one of them to do it.';
