/// <reference lib="webworker" />
/**
 * The Engine worker: pages (popup, side panel) and the offscreen document spawn it and talk to it through
 * comlink. All parsing and database writes happen here, off the UI thread. The sync half is used by the one
 * worker the background owns (see src/engine/sync-session.ts).
 */
import { expose } from 'comlink';
import { createEngine, openDatabase } from '../src/engine/engine.js';
import { createSyncSession } from '../src/engine/sync-session.js';
import { carryErrorCodes } from '../src/extension/error-wire.js';

carryErrorCodes();
const db = openDatabase();
expose({ ...createEngine(db), ...createSyncSession(db) });
