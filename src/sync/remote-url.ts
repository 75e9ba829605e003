// Which remotes the library talks to: HTTPS anywhere, plain HTTP only on this machine.

import { SyncError } from './errors.js';
import type { SyncAuth } from './types.js';

export interface RemoteTarget {
  /** Database URL without credentials and without a trailing slash. */
  url: string;
  auth?: SyncAuth;
}

/** 127.0.0.0/8, localhost and ::1: where plain HTTP never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Validates a remote database URL; credentials written in the URL are moved to `auth`. */
export function parseRemote(remote: string, auth?: SyncAuth): RemoteTarget {
  let u: URL;
  try {
    u = new URL(remote);
  } catch {
    throw new SyncError('insecure-remote', `not a URL: ${remote}`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.hostname))) {
    throw new SyncError('insecure-remote', `refusing ${u.protocol}//${u.host}: use HTTPS (plain HTTP only for loopback)`);
  }
  let credentials = auth;
  if (u.username || u.password) {
    credentials ??= { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    u.username = '';
    u.password = '';
  }
  u.search = '';
  u.hash = '';
  const url = u.toString().replace(/\/+$/, '');
  if (!/\/[^/]+$/.test(u.pathname.replace(/\/+$/, ''))) throw new SyncError('insecure-remote', `no database name in ${url}`);
  return credentials ? { url, auth: credentials } : { url };
}
