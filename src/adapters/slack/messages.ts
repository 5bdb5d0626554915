/** The few sentences the adapter itself says; everything else comes from the worker. */
export const QUEUE_UNAVAILABLE_TEXT = "I can't reach my queue right now: try again in a minute.";
export const GENERIC_ERROR_TEXT = 'Something went wrong on my side, sorry. Try again; if it keeps happening, tell whoever runs me.';
export const MOCK_STARTING_TEXT = 'Setting up your mock interview…';
