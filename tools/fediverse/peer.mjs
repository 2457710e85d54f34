// A fediverse peer for Herald's tests, built on Fedify (an ActivityPub framework used in production):
// one Person, "reader", on loopback. It looks Herald's site up through WebFinger, follows it and
// records, as its own inbox verified them, the activities it is sent. Its /control/ endpoints are
// for the test: follow, unfollow, received, requests signed wrongly on purpose, and the account's own deletion.
//
//   node peer.mjs            prints {"port": N} once it listens on 127.0.0.1:N
import http from "node:http";
import { configure, getConsoleSink } from "@logtape/logtape";
import {
  Accept, Create, Delete, Endpoints, Follow, Like, MemoryKvStore, Person, Undo, Update,
  createFederation, generateCryptoKeyPair, signRequest,
} from "@fedify/fedify";

// Loopback has no TLS: WebFinger of an acct: handle is asked over https, so it is asked of http here.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (/^https:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) {
    const plain = "http://" + url.substring("https://".length);
    return realFetch(input instanceof Request ? new Request(plain, input) : plain, init);
  }
  return realFetch(input, init);
};

// Fedify's own log (what it refused in its inbox, and why) on stderr, with PEER_LOG=debug for everything.
await configure({
  sinks: { console: getConsoleSink({ console: { ...console, debug: console.error, info: console.error, log: console.error } }) },
  loggers: [
    { category: "fedify", lowestLevel: process.env.PEER_LOG ?? "warning", sinks: ["console"] },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
  ],
});

const keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const stranger = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const received = [];
const posted = {}; // activity id -> how many times it was POSTed to an inbox here, before Fedify's own de-duplication
let following = null; // { site, follow }
let gone = false; // after /control/delete-self the account is gone: its documents answer 410, as Mastodon's do

const federation = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true });

federation.setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
  if (identifier !== "reader") return null;
  const pairs = await ctx.getActorKeyPairs(identifier);
  return new Person({
    id: ctx.getActorUri(identifier),
    preferredUsername: identifier,
    name: "A reader",
    inbox: ctx.getInboxUri(identifier),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    publicKey: pairs[0].cryptographicKey,
    assertionMethods: pairs.map((p) => p.multikey),
  });
}).setKeyPairsDispatcher(async (ctx, identifier) => identifier === "reader" ? [keys] : []);

async function record(kind, activity) {
  // An Accept embeds the peer's own Follow: Fedify would fetch it again from here (another origin), so its id does.
  const object = kind === "Accept" ? null : await activity.getObject();
  received.push({
    type: kind,
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    objectId: object?.id?.href ?? activity.objectId?.href ?? null,
    objectType: object?.constructor?.name ?? null,
    name: object?.name?.toString() ?? null,
    url: object?.url?.href ?? null,
    summary: object?.summary?.toString() ?? null,
    content: object?.content?.toString() ?? null,
    updated: object?.updated?.toString() ?? null,
    published: object?.published?.toString() ?? null,
    tags: [],
  });
  if (object && typeof object.getTags === "function") {
    for await (const t of object.getTags()) received[received.length - 1].tags.push(t.name?.toString() ?? null);
  }
}

federation.setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, (ctx, a) => record("Accept", a))
  .on(Create, (ctx, a) => record("Create", a))
  .on(Update, (ctx, a) => record("Update", a))
  .on(Delete, (ctx, a) => record("Delete", a));

async function control(req, url, body, ctx) {
  const json = (status, value) => new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
  if (url.pathname === "/control/received") return json(200, received);
  if (url.pathname === "/control/posted") return json(200, posted);
  if (url.pathname === "/control/follow") {
    const site = await ctx.lookupObject(url.searchParams.get("handle"));
    if (site == null) return json(404, { error: "WebFinger found no actor for " + url.searchParams.get("handle") });
    const follow = new Follow({
      id: new URL("/follows/" + crypto.randomUUID(), ctx.origin),
      actor: ctx.getActorUri("reader"),
      object: site.id,
    });
    await ctx.sendActivity({ identifier: "reader" }, site, follow);
    following = { site, follow };
    return json(200, { site: site.id.href, type: site.constructor.name, name: site.name?.toString(), inbox: site.inboxId?.href,
      sharedInbox: site.endpoints?.sharedInbox?.href ?? null, key: site.publicKeyId?.href ?? null });
  }
  if (url.pathname === "/control/lookup") {
    // What a server makes of a link someone pasted: Fedify asks for it as ActivityStreams.
    const object = await ctx.lookupObject(url.searchParams.get("url"));
    return json(200, { type: object?.constructor?.name ?? null, id: object?.id?.href ?? null, name: object?.name?.toString() ?? null });
  }
  if (url.pathname === "/control/unfollow") {
    await ctx.sendActivity({ identifier: "reader" }, following.site, new Undo({
      id: new URL("/undo/" + crypto.randomUUID(), ctx.origin),
      actor: ctx.getActorUri("reader"),
      object: following.follow,
    }));
    return json(200, {});
  }
  if (url.pathname === "/control/delete-self") {
    // The account deletes itself, as a Mastodon account does: a Delete of the actor, signed with its key, sent to the
    // site's inbox, after which the actor and its key answer 410 Gone.
    gone = true;
    const site = following.site;
    const actor = ctx.getActorUri("reader").href;
    const text = JSON.stringify({
      "@context": "https://www.w3.org/ns/activitystreams",
      id: actor + "#delete", type: "Delete", actor, object: actor, to: ["https://www.w3.org/ns/activitystreams#Public"],
    });
    const inbox = site.inboxId;
    const request = new Request(inbox, { method: "POST", headers: { "Content-Type": "application/activity+json" }, body: text });
    const signed = await signRequest(request, keys.privateKey, new URL(actor + "#main-key"), { spec: "draft-cavage-http-signatures-12" });
    const answer = await realFetch(inbox, { method: "POST", headers: signed.headers, body: text });
    return json(200, { status: answer.status, problem: await answer.text() });
  }
  if (url.pathname === "/control/send") {
    // A Like signed as told: spec (rfc9421 or draft-cavage-http-signatures-12), with the actor's key or a
    // stranger's, its body as signed or changed afterwards; answers with the status the inbox gave.
    const inbox = new URL(url.searchParams.get("inbox"));
    const activity = {
      "@context": "https://www.w3.org/ns/activitystreams",
      id: new URL("/likes/" + crypto.randomUUID(), ctx.origin).href,
      type: "Like",
      actor: ctx.getActorUri("reader").href,
      object: url.searchParams.get("object") ?? inbox.href,
    };
    const text = JSON.stringify(activity);
    const key = url.searchParams.get("key") === "stranger" ? stranger.privateKey : keys.privateKey;
    const request = new Request(inbox, { method: "POST", headers: { "Content-Type": "application/activity+json" }, body: text });
    const signed = await signRequest(request, key, new URL(ctx.getActorUri("reader").href + "#main-key"),
      { spec: url.searchParams.get("spec") ?? "draft-cavage-http-signatures-12" });
    const sent = url.searchParams.get("tamper") === "body" ? text.replace("Like", "Follow") : text;
    const headers = new Headers(signed.headers);
    if (url.searchParams.get("unsigned") === "true") {
      headers.delete("Signature");
      headers.delete("Signature-Input");
    }
    const answer = await realFetch(inbox, { method: "POST", headers, body: sent });
    return json(200, { status: answer.status, problem: await answer.text() });
  }
  return json(404, { error: "no such control" });
}

const server = http.createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (req.method === "POST" && url.pathname.endsWith("/inbox")) {
      try {
        const id = JSON.parse(body.toString("utf8")).id;
        if (typeof id === "string") posted[id] = (posted[id] ?? 0) + 1;
      } catch (e) {
        // not JSON: Fedify answers it
      }
    }
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]),
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    if (gone && url.pathname.startsWith("/users/reader")) {
      res.writeHead(410, { "Content-Type": "application/activity+json" });
      res.end(JSON.stringify({ "@context": "https://www.w3.org/ns/activitystreams", id: url.href, type: "Tombstone" }));
      return;
    }
    const response = url.pathname.startsWith("/control/")
      ? await control(request, url, body, federation.createContext(url, undefined))
      : await federation.fetch(request, { contextData: undefined });
    if (response.status >= 500) console.error(req.method, req.url, response.status);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    console.error(e);
    res.writeHead(500, { "Content-Type": "text/plain" });
    res.end(String(e?.stack ?? e));
  }
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
