import { connect } from 'node:net';

/**
 * Sends bytes on a fresh TCP connection and collects the relay's answer: until the head of a reply
 * has arrived, the relay closes the connection, or `timeout`.
 */
export function rawExchange(port: number, request: string | Buffer, timeout = 15_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, timeout);
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request);
  });
}

/** The status code of the first answer in a raw HTTP reply, or null when the relay just closed. */
export function statusOf(answer: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return match ? Number(match[1]) : null;
}
