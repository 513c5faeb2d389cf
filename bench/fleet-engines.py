#!/usr/bin/env python3
"""Simulated Docker engines for bench/fleet: N unix sockets under DIR (e0.sock ... eN-1.sock), one process, each
answering /_ping, /version, /images/json and /containers/json (any API version prefix) with the canned answers in
CANNED (captured from a bed engine by bench/fleet); anything else is a 404. HTTP/1.1, one request per connection."""
import asyncio, os, re, sys

directory, count, canned = sys.argv[1], int(sys.argv[2]), sys.argv[3]
answers = {}
for name, path in (("ping", "/_ping"), ("version", "/version"), ("images", "/images/json"),
                   ("containers", "/containers/json")):
    with open(os.path.join(canned, name + ".json"), "rb") as f:
        answers[path] = f.read()

async def serve(reader, writer):
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        target = head.split(b" ", 2)[1].decode()
        path = re.sub(r"^/v[0-9.]+", "", target.split("?", 1)[0])
        body, status = (answers[path], "200 OK") if path in answers else (b'{"message":"not canned"}', "404 Not Found")
        kind = "text/plain" if path == "/_ping" else "application/json"
        writer.write(("HTTP/1.1 %s\r\nApi-Version: 1.51\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                      "Connection: close\r\n\r\n" % (status, kind, len(body))).encode() + body)
        await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()

async def main():
    servers = [await asyncio.start_unix_server(serve, os.path.join(directory, "e%d.sock" % i)) for i in range(count)]
    open(os.path.join(directory, "ready"), "w").close()
    await asyncio.gather(*(s.serve_forever() for s in servers))

asyncio.run(main())
