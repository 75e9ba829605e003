/// <reference lib="webworker" />
/**
 * The Engine worker: pages (popup, side panel) and the offscreen document spawn it and talk to it through
 * comlink. All parsing and database writes happen here, off the UI thread.
 */
import { expose } from 'comlink';
import { createEngine, openDatabase } from '../src/engine/engine.js';
import { carryErrorCodes } from '../src/extension/error-wire.js';

carryErrorCodes();
expose(createEngine(openDatabase()));
