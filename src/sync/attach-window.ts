/** What the window needs of a document link. */
export interface Attachable {
  attach(): void;
}

/**
 * Attaches documents to the shared socket a few at a time: at most `size` wait for the relay's
 * answer at once. The relay closes a socket on which more than 100 documents wait for
 * authentication, and every attached provider sends its token as soon as the socket opens.
 * The session empties the window when the socket drops and refills it when it opens again.
 */
export class AttachWindow<L extends Attachable> {
  private waiting: L[] = [];
  private readonly answering = new Set<L>();

  constructor(
    private readonly size: number,
    private readonly socketOpen: () => boolean,
  ) {
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new RangeError(`batch size must be 1..100, not ${size}`);
  }

  /** Queues a link (first in line when `urgent`: a document with local changes or just asked for). */
  enqueue(link: L, urgent = false): void {
    if (!this.answering.has(link)) {
      const queued = this.waiting.includes(link);
      if (urgent) this.waiting = [link, ...this.waiting.filter((l) => l !== link)];
      else if (!queued) this.waiting.push(link);
    }
    this.pump();
  }

  /** The relay answered (authenticated or refused) this link: the next one may go. */
  answered(link: L): void {
    if (this.answering.delete(link)) this.pump();
  }

  /** Forgets a link (closed, or detached for another reason). */
  remove(link: L): void {
    this.waiting = this.waiting.filter((l) => l !== link);
    this.answered(link);
  }

  /** Forgets everything: the socket dropped, every link is detached. */
  clear(): void {
    this.waiting = [];
    this.answering.clear();
  }

  /** Links queued or waiting for an answer. */
  busy(): number {
    return this.waiting.length + this.answering.size;
  }

  pump(): void {
    while (this.socketOpen() && this.answering.size < this.size && this.waiting.length > 0) {
      const link = this.waiting.shift()!;
      this.answering.add(link);
      link.attach();
    }
  }
}
