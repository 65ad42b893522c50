#!/usr/bin/env python3
"""From a write's commit to its server-sent event: posts N documents one at a time to a running
`parallax serve` (with a write token) while a client listens on /api/v1/events, and prints the
delay from each POST's answer (the batch is committed by then) to the event of the story it
touched, as min / median / p99 / max in milliseconds.

    python3 bench/serve/events.py --port 7899 --token TOKEN [--count 50]
"""
import argparse, json, threading, time, urllib.request

from soak import follow_events

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=7899)
    ap.add_argument("--token", required=True)
    ap.add_argument("--count", type=int, default=50)
    args = ap.parse_args()
    seen = {}
    lock = threading.Lock()

    def heard(data, now):
        with lock:
            seen.setdefault(data["seq"], now)

    threading.Thread(target=follow_events, args=(args.port, heard), daemon=True).start()
    time.sleep(0.5)
    delays = []
    for n in range(args.count):
        record = {"id": f"events-bench-{time.time_ns()}-{n}", "text": f"Event bench report {n}\n\nA report written to time the event stream, number {n}, at {time.time_ns()}."}
        req = urllib.request.Request(f"http://127.0.0.1:{args.port}/api/v1/documents", data=json.dumps(record).encode(),
                                     headers={"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"}, method="POST")
        with lock:
            before = set(seen)
        urllib.request.urlopen(req).read()
        committed = time.monotonic()
        deadline = committed + 5
        while time.monotonic() < deadline:
            with lock:
                new = [t for s, t in seen.items() if s not in before]
            if new:
                delays.append((min(new) - committed) * 1000)
                break
            time.sleep(0.002)
        time.sleep(0.05)
    delays.sort()
    if not delays:
        print("no events arrived"); return
    p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
    print(f"{len(delays)} of {args.count} writes heard: delay min {delays[0]:.0f} ms, median {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms, max {delays[-1]:.0f} ms")

main()
