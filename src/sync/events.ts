// A tiny typed event emitter; a throwing listener must not break replication.

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(v: never) => void>>();

  on<E extends keyof Events>(event: E, fn: (value: Events[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(fn as (v: never) => void);
    this.listeners.set(event, set);
    return () => set.delete(fn as (v: never) => void);
  }

  emit<E extends keyof Events>(event: E, value: Events[E]): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try {
        (fn as (v: Events[E]) => void)(value);
      } catch (err) {
        console.error('sync: listener failed', err);
      }
    }
  }
}
