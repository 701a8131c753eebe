#!/usr/bin/env python3
"""A TCP proxy on loopback that delays every byte by a fixed time in each direction, as a distant server would.

  python3 tests/bench/latency_proxy.py UPSTREAM_HOST:PORT [--delay-ms 40]   (prints "latency proxy listening on 127.0.0.1:PORT")

Latency, not a bandwidth cap: each chunk is forwarded DELAY after it arrived, and chunks keep their order. A new connection
costs one round trip (2 x DELAY) before its first byte, as a TCP handshake does.
"""
import argparse
import asyncio
import time


async def pipe(reader, writer, delay):
    queue = asyncio.Queue()

    async def forward():
        while True:
            due, chunk = await queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if not chunk:
                writer.write_eof() if writer.can_write_eof() else writer.close()
                return
            writer.write(chunk)
            await writer.drain()

    sender = asyncio.ensure_future(forward())
    try:
        while True:
            chunk = await reader.read(65536)
            queue.put_nowait((time.monotonic() + delay, chunk))
            if not chunk:
                break
        await sender
    except (ConnectionError, OSError):
        sender.cancel()
    finally:
        writer.close()


async def serve(upstream_host, upstream_port, delay):
    async def handle(client_reader, client_writer):
        await asyncio.sleep(2 * delay)
        try:
            server_reader, server_writer = await asyncio.open_connection(upstream_host, upstream_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, server_writer, delay), pipe(server_reader, client_writer, delay), return_exceptions=True)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"latency proxy listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("upstream", help="HOST:PORT of the server behind the proxy")
    parser.add_argument("--delay-ms", type=float, default=40.0, help="added delay per direction (default 40)")
    args = parser.parse_args()
    host, port = args.upstream.rsplit(":", 1)
    asyncio.run(serve(host, int(port), args.delay_ms / 1000))


if __name__ == "__main__":
    main()
