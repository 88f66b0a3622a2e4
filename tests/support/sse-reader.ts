/** Reads Server-Sent Events from a fetch response, one event at a time, each wait bounded by a timeout. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

export function readEvents(response: Response) {
  if (!response.body) throw new Error(`no stream: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';

  const parse = (block: string): ServerSentEvent | undefined => {
    const event: ServerSentEvent = { event: 'message', data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue; // comments are keep-alives
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'event') event.event = value;
      else if (field === 'id') event.id = value;
      else if (field === 'data') {
        event.data = hasData ? `${event.data}\n${value}` : value;
        hasData = true;
      }
    }
    return hasData ? event : undefined;
  };

  /** The next event with data; fails after `timeoutMs`. */
  async function next(timeoutMs: number): Promise<ServerSentEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parse(block);
        if (event) return event;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no server-sent event within ${timeoutMs} ms (buffer: ${JSON.stringify(buffer)})`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no server-sent event within ${timeoutMs} ms`)), left);
      });
      try {
        const chunk = await Promise.race([reader.read(), timeout]);
        if (chunk.done) throw new Error('the stream ended');
        buffer += chunk.value;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  return { next };
}
