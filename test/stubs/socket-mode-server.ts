import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * A stand-in for Slack's Socket Mode endpoint on 127.0.0.1, speaking its wire protocol so the
 * real @slack/socket-mode client (inside Bolt) is what gets tested:
 * - each connection gets `{"type":"hello",…}` first, which is what the client waits for;
 * - envelopes go out as Slack sends them: `{envelope_id, type, payload, accepts_response_payload}`,
 *   with `retry_attempt`/`retry_reason` on events_api envelopes;
 * - every frame the client sends back is kept, so acks can be matched to envelope ids;
 * - `disconnect(reason)` sends Slack's `{"type":"disconnect"}` and the client is expected to
 *   call apps.connections.open again and come back on a new connection.
 * The URL handed out by apps.connections.open carries a ticket, like Slack's, so a test can tell
 * which connection came from which call.
 */
export interface ReceivedAck {
  envelopeId: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'events_api' | 'interactive';
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export class SocketModeServer {
  readonly acks: ReceivedAck[] = [];
  /** Tickets of every connection the client opened, in order. */
  readonly connections: string[] = [];
  /** Frames the client sent that were not acks (there should be none). */
  readonly otherFrames: string[] = [];
  private current: WebSocket | undefined;
  private tickets = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SocketModeServer> {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const stand = new SocketModeServer(server, (server.address() as AddressInfo).port);
    server.on('connection', (socket, request) => stand.accept(socket, request.url ?? '/'));
    return stand;
  }

  /** What apps.connections.open answers: a fresh ticket each call, like Slack's single-use URLs. */
  nextUrl(): string {
    this.tickets += 1;
    return `ws://127.0.0.1:${this.port}/link/?ticket=t${this.tickets}&app_id=A1`;
  }

  /** True while a client connection is open. */
  get connected(): boolean {
    return this.current?.readyState === WebSocket.OPEN;
  }

  send(envelope: Envelope): void {
    if (!this.current || this.current.readyState !== WebSocket.OPEN) throw new Error('no Socket Mode client is connected');
    this.current.send(JSON.stringify(envelope));
  }

  /** Slack's "please reconnect": the client should close this socket and open a new one. */
  disconnect(reason: 'refresh_requested' | 'warning' | 'link_disabled' = 'refresh_requested'): void {
    this.current?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-stand-in' } }));
  }

  acksFor(envelopeId: string): ReceivedAck[] {
    return this.acks.filter((ack) => ack.envelopeId === envelopeId);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, url: string): void {
    const ticket = new URL(url, 'ws://localhost').searchParams.get('ticket') ?? '?';
    this.connections.push(ticket);
    this.current = socket;
    socket.on('message', (data) => {
      const text = (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');
      try {
        const frame = JSON.parse(text) as { envelope_id?: unknown; payload?: unknown };
        if (typeof frame.envelope_id === 'string') {
          this.acks.push({ envelopeId: frame.envelope_id, payload: (frame.payload ?? {}) as Record<string, unknown>, at: Date.now() });
          return;
        }
      } catch {
        // Not JSON: kept below, and a test can fail on it.
      }
      this.otherFrames.push(text);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-stand-in', approximate_connection_time: 18060 }, connection_info: { app_id: 'A1' } }));
  }
}
