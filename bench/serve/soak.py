#!/usr/bin/env python3
"""Writes to a running `parallax serve` at a steady rate while a client follows
/api/v1/events, and samples the server's resident memory.

    python3 bench/serve/soak.py --port 7899 --token TOKEN --corpus FILE.jsonl \
        --rate 1000 --seconds 60 [--pid SERVER_PID]

Every quarter of a second it posts the next rate/4 records of FILE (JSON Lines) in one
request. For each write and each story its answer names, the delay from the answer (the batch
is committed by then) to the first event about that story heard after the write was sent.
Prints the documents written and the rate reached, the delays (min / median / p99 / max, in
ms) and, with --pid, the server's resident memory each minute.
"""
import argparse, json, socket, threading, time, urllib.error, urllib.request


def follow_events(port, on_event):
    """Follows /api/v1/events on 127.0.0.1:`port` until the server closes it, calling
    `on_event(data, when)` with each event's JSON and the monotonic time it was read."""
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
    buf = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return
        buf += chunk
        while b"\n\n" in buf:
            block, buf = buf.split(b"\n\n", 1)
            now = time.monotonic()
            for line in block.split(b"\n"):
                if line.startswith(b"data: "):
                    on_event(json.loads(line[6:]), now)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=7899)
    ap.add_argument("--token", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--rate", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--pid", type=int)
    args = ap.parse_args()
    heard = {}  # story -> times its events were heard
    lock = threading.Lock()

    def heard_event(data, now):
        with lock:
            for key in ("story", "merged"):
                if isinstance(data.get(key), int):
                    heard.setdefault(data[key], []).append(now)

    memory = []

    def sample():
        start = time.monotonic()
        while time.monotonic() - start < args.seconds + 5:
            try:
                with open(f"/proc/{args.pid}/status") as f:
                    rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
                memory.append((time.monotonic() - start, rss / 1024))
            except (OSError, StopIteration):
                return
            time.sleep(10)

    threading.Thread(target=follow_events, args=(args.port, heard_event), daemon=True).start()
    if args.pid:
        threading.Thread(target=sample, daemon=True).start()
    time.sleep(0.5)
    tick = 0.25
    per_post = max(1, int(args.rate * tick))
    writes = []  # (sent, answered, stories)
    written = refused = 0
    corpus = open(args.corpus, "rb")
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < args.seconds:
        lines = [corpus.readline() for _ in range(per_post)]
        lines = [l for l in lines if l.strip()]
        if not lines:
            break
        req = urllib.request.Request(
            f"http://127.0.0.1:{args.port}/api/v1/documents", data=b"".join(lines),
            headers={"Authorization": f"Bearer {args.token}", "Content-Type": "application/x-ndjson"},
            method="POST")
        sent = time.monotonic()
        try:
            answer = json.loads(urllib.request.urlopen(req, timeout=60).read())
            answered = time.monotonic()
            written += answer.get("added", 0)
            stories = {s for each in answer.get("stories", []) for s in each}
            writes.append((sent, answered, stories))
        except (urllib.error.URLError, TimeoutError) as e:
            refused += 1
        n += 1
        wait = start + n * tick - time.monotonic()
        if wait > 0:
            time.sleep(wait)
    took = time.monotonic() - start
    time.sleep(3)
    delays = []
    unheard = 0
    with lock:
        for sent, answered, stories in writes:
            for story in stories:
                after = [t for t in heard.get(story, []) if t >= sent]
                if after:
                    delays.append(max(0.0, min(after) - answered) * 1000)
                else:
                    unheard += 1
    print(f"written: {written} documents in {took:.0f} s ({written / took:.0f}/s asked {args.rate}/s); {len(writes)} requests answered, {refused} failed")
    if delays:
        delays.sort()
        p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
        print(f"commit to event, {len(delays)} stories touched ({unheard} not heard): min {delays[0]:.0f} ms, median {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, max {delays[-1]:.0f} ms")
        # A document already stored changes no story: its story is heard only when a later
        # write changes it. Those show as delays of many seconds.
        within = sum(1 for d in delays if d <= 1000)
        late = [d for d in delays if d <= 30000]
        late.sort()
        q = lambda x: late[min(len(late) - 1, int(x * len(late)))]
        print(f"  heard within 1 s: {within / len(delays):.1%}; past 30 s (a repeat, most likely): {len(delays) - len(late)}; p99 of the rest {q(0.99):.0f} ms")
    if memory:
        print("server memory (RSS, MiB) every 10 s: " + " ".join(f"{m:.0f}" for _, m in memory))


if __name__ == "__main__":
    main()
