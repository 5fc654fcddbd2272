"""Hand-signature-like PNG images for the demo endorsements, drawn without any image library."""

from __future__ import annotations

import math
import random
import struct
import zlib

WIDTH = 360
HEIGHT = 120


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def encode_png(pixels: list[bytearray]) -> bytes:
    """An 8-bit greyscale PNG of the rows given."""
    height = len(pixels)
    width = len(pixels[0])
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _stamp(pixels: list[bytearray], x: float, y: float, radius: float = 1.6) -> None:
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            px, py = int(x) + dx, int(y) + dy
            if 0 <= px < WIDTH and 0 <= py < HEIGHT:
                distance = math.hypot(px - x, py - y)
                if distance <= radius:
                    ink = int(255 * max(0.0, min(1.0, radius - distance + 0.3)))
                    pixels[py][px] = min(pixels[py][px], 255 - ink)


def signature_png(seed: str) -> bytes:
    """A flowing pen stroke, different for each seed (a signatory's name), the same every time."""
    rng = random.Random(seed)
    pixels = [bytearray(b"\xff" * WIDTH) for _ in range(HEIGHT)]
    loops = rng.randint(4, 7)
    amplitude = rng.uniform(18, 30)
    slant = rng.uniform(0.15, 0.4)
    steps = 500
    for i in range(steps):
        t = i / steps
        x = 20 + t * (WIDTH - 60)
        phase = t * loops * 2 * math.pi
        # A prolate cycloid: the pen runs ahead and loops back, like joined handwriting.
        y = HEIGHT / 2 - amplitude * math.cos(phase) * (1 - 0.4 * t) + slant * 20 * (t - 0.5)
        x -= amplitude * 0.9 * math.sin(phase)
        _stamp(pixels, x, y)
    # The underline flourish most signatures end with.
    for i in range(160):
        t = i / 160
        _stamp(pixels, 40 + t * (WIDTH - 80), HEIGHT - 22 - 8 * math.sin(t * math.pi))
    return encode_png(pixels)
