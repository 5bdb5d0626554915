import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';

/** A row of buttons, the only component we put on messages. */
export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** One Discord message as we send it (REST body fields; allowed_mentions is added by the sender). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** What one part renders to before the parts of a message are joined and fitted to limits. */
export interface RenderedPart {
  /** A short plain line, for logs and thread names. */
  summary: string;
  /** Plain message text (app notes); joined with other parts' text. */
  content?: string;
  embeds: APIEmbed[];
  components?: ButtonRow[];
  /** Whole messages sent after the fitted ones, each already within limits (the self-assessment panel's rows). */
  after?: DiscordMessage[];
}

/** One colour per kind of message, so a thread reads at a glance. */
export const COLOURS = { question: 0x5865f2, feedback: 0x57f287, followUp: 0xfee75c, hint: 0xeb459e, reveal: 0x9b59b6, scorecard: 0xed4245, info: 0x99aab5 } as const;
