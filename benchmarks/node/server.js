// The Node.js peer of the fan-out benchmark: one ServerSentEventGenerator of the official Datastar SDK
// per stream, and a fan-out loop calling patchElements on each. Same endpoints as the Java servers:
//   GET  /stream                               an SSE stream (": ok" comment first, then events)
//   POST /publish?rate=R&count=C&seconds=S&bytes=B&lines=L  publishes C events at R/s, for S s at most
//   GET  /status                              prints "subscribers=<n> publishing=<bool>"
//   GET  /mem                                  garbage-collects, then prints "heap=<bytes> subscribers=<n>"
// Each event's HTML starts with <div data-t="<seq>-<process.hrtime>": the publish time on
// CLOCK_MONOTONIC, the clock of Java's System.nanoTime, which the load generator subtracts.
// Run with: node --expose-gc server.js PORT   (listens on 127.0.0.1 only)
import http from "node:http";
import { ServerSentEventGenerator } from "@starfederation/datastar-sdk";

const port = Number(process.argv[2] ?? 8080);
const subscribers = new Set();
let publishing = false;
let seq = 0; // across publisher runs, like the Java servers

function html(lines, bytes) {
  // Same text as io.github.datastarspring.benchmarks.Payloads.html, so every server sends the same bytes.
  let sb = '<div id="feed" class="feed">';
  const perLine = Math.max(16, Math.floor(bytes / lines));
  for (let i = 1; i < lines - 1; i++) {
    sb += "\n";
    const start = sb.length;
    sb += `  <p id="m${i}" class="msg">`;
    while (sb.length - start < perLine - 5) {
      sb += String.fromCharCode(97 + (sb.length % 26));
    }
    sb += "</p>";
  }
  return sb + "\n</div>";
}

function startPublisher(rate, count, seconds, elements) {
  publishing = true;
  const periodNs = BigInt(Math.round(1e9 / rate));
  const start = process.hrtime.bigint();
  const stop = start + BigInt(Math.round(seconds * 1e9));
  let i = 0;
  const tick = () => {
    if (i >= count || process.hrtime.bigint() >= stop) {
      publishing = false;
      return;
    }
    const due = start + BigInt(i) * periodNs;
    const now = process.hrtime.bigint();
    if (now < due) {
      setTimeout(tick, Number((due - now) / 1000000n));
      return;
    }
    i++;
    seq++;
    const stamped = `<div data-t="${seq}-${process.hrtime.bigint()}"${elements.substring(4)}`;
    for (const sse of subscribers) {
      sse.patchElements(stamped);
    }
    // Behind schedule (saturation): go on at once, but let I/O run between publishes.
    setImmediate(tick);
  };
  tick();
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (url.pathname === "/stream") {
    let mine;
    ServerSentEventGenerator.stream(req, res, (sse) => {
      mine = sse;
      subscribers.add(sse);
      res.write(": ok\n\n");
    }, {
      keepalive: true,
      onAbort: () => { subscribers.delete(mine); },
    });
  }
  else if (url.pathname === "/publish" && req.method === "POST") {
    const q = url.searchParams;
    const rate = Number(q.get("rate") ?? 10);
    const count = Number(q.get("count") ?? 1);
    const elements = html(Number(q.get("lines") ?? 20), Number(q.get("bytes") ?? 1024));
    if (publishing) {
      res.writeHead(409).end("already publishing\n");
      return;
    }
    startPublisher(rate, count, Number(q.get("seconds") ?? 60), elements);
    res.writeHead(202, { "Content-Type": "text/plain" }).end("started\n");
  }
  else if (url.pathname === "/status") {
    res.writeHead(200, { "Content-Type": "text/plain" })
      .end(`subscribers=${subscribers.size} publishing=${publishing}\n`);
  }
  else if (url.pathname === "/mem") {
    global.gc();
    global.gc();
    const m = process.memoryUsage();
    res.writeHead(200, { "Content-Type": "text/plain" })
      .end(`heap=${m.heapUsed + m.external} subscribers=${subscribers.size} publishing=${publishing}\n`);
  }
  else {
    res.writeHead(404).end();
  }
});
server.keepAliveTimeout = 0;
server.requestTimeout = 0;
server.headersTimeout = 0;
server.timeout = 0;
server.maxConnections = 20000;
server.listen(port, "127.0.0.1", 1024);
