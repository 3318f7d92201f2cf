import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { settings } from '../db/schema/index.ts';

/** The `settings` row that says a database holds the demo world, and since when. */
export const DEMO_MARKER_KEY = 'demo.world';

export interface DemoMarker {
  version: number;
  seededAt: string;
}

export const demoRepository = {
  async findMarker(db: Executor): Promise<DemoMarker | undefined> {
    const [row] = await db.select().from(settings).where(eq(settings.key, DEMO_MARKER_KEY));
    return row?.value as DemoMarker | undefined;
  },

  async insertMarker(db: Executor, marker: DemoMarker, now: Date): Promise<void> {
    await db.insert(settings).values({ key: DEMO_MARKER_KEY, value: marker, updatedAt: now }).onConflictDoNothing();
  },
};
