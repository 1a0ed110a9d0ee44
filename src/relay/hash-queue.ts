import { RelayError } from '../protocol/relay-error';

/**
 * At most `concurrency` password hashes run at once and at most `queueLength` wait; anyone beyond
 * that is refused at once with 429 and a Retry-After. scrypt runs on libuv's thread pool (4
 * threads by default), which also reads static files and photos: keeping hashing to part of it
 * means a flood of sign-ins never makes the app, photos or sync wait.
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLength: number,
  ) {}

  /** Whether a job would be refused right now (nothing is reserved). */
  get full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.queueLength;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLength) throw busy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never drops below what is queued.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export function busy(): RelayError {
  return new RelayError(429, 'busy', 'Many people are signing in right now: try again in a few seconds.', { 'Retry-After': '5' });
}
