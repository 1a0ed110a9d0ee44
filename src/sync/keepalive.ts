/** What keeping a socket alive needs of a document link. */
export interface Pingable {
  /** Starts a round trip if the link is idle and fully acknowledged; false when it cannot. */
  ping(): boolean;
}

/**
 * Keeps an idle shared socket alive. Pathbook's providers carry no awareness, so a quiet socket
 * carries nothing: the provider closes it after 30 s without a message, the relay after 60 s.
 * When nothing has been received for `quietMs`, one idle document makes a sync round trip.
 */
export function keepAlive(options: {
  intervalMs: number;
  quietMs: number;
  lastReceivedAt: () => number;
  isOpen: () => boolean;
  links: () => Iterable<Pingable>;
}): () => void {
  const timer = setInterval(() => {
    if (!options.isOpen() || Date.now() - options.lastReceivedAt() < options.quietMs) return;
    for (const link of options.links()) if (link.ping()) return;
  }, options.intervalMs);
  return () => clearInterval(timer);
}
