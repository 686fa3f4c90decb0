#!/usr/bin/env python3
"""Renders a tmux pane captured with colours (`tmux capture-pane -e -p`) to a PNG, cell by cell.

Usage: render.py WIDTH HEIGHT INPUT.txt OUTPUT.png   (needs Pillow and the DejaVu, WenQuanYi and Noto emoji fonts)
"""
import re, sys, unicodedata
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT, SOURCE, TARGET = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
SIZE, CELL_W, CELL_H = 16, 10, 20
FONTS = "/usr/share/fonts/truetype"
regular = ImageFont.truetype(f"{FONTS}/dejavu/DejaVuSansMono.ttf", SIZE)
bold = ImageFont.truetype(f"{FONTS}/dejavu/DejaVuSansMono-Bold.ttf", SIZE)
wide = ImageFont.truetype(f"{FONTS}/wqy/wqy-microhei.ttc", SIZE)
try:
    emoji = ImageFont.truetype(f"{FONTS}/noto/NotoColorEmoji.ttf", 109)
except OSError:
    emoji = None

BACKGROUND, FOREGROUND = (24, 26, 33), (220, 223, 228)
PALETTE = [(40, 42, 54), (255, 110, 103), (90, 247, 142), (243, 249, 157), (87, 199, 255), (255, 106, 193),
           (154, 237, 254), (241, 241, 240), (104, 104, 104), (255, 110, 103), (90, 247, 142), (243, 249, 157),
           (87, 199, 255), (255, 106, 193), (154, 237, 254), (255, 255, 255)]


def color(index):
    if index < 16:
        return PALETTE[index]
    if index < 232:
        index -= 16
        return tuple(0 if c == 0 else 55 + c * 40 for c in (index // 36, index // 6 % 6, index % 6))
    level = 8 + (index - 232) * 10
    return (level, level, level)


def width_of(char):
    if unicodedata.east_asian_width(char[0]) in "WF" or ord(char[0]) >= 0x1F300:
        return 2
    return 1


image = Image.new("RGB", (WIDTH * CELL_W, HEIGHT * CELL_H), BACKGROUND)
draw = ImageDraw.Draw(image)
style = {"fg": None, "bg": None, "bold": False, "dim": False, "reverse": False}
for row, line in enumerate(open(SOURCE, encoding="utf-8").read().split("\n")[:HEIGHT]):
    column = 0
    # Escape sequences, and characters with the marks, variation selectors and joined emoji that belong to them.
    for token in re.findall("\x1b\\[[0-9;]*m|.(?:[\u0300-\u036f\ufe0f\U0001F3FB-\U0001F3FF]|\u200d.)*", line):
        if token.startswith("\x1b["):
            codes = [int(c) if c else 0 for c in token[2:-1].split(";")]
            i = 0
            while i < len(codes):
                code = codes[i]
                if code == 0:
                    style = {"fg": None, "bg": None, "bold": False, "dim": False, "reverse": False}
                elif code == 1: style["bold"] = True
                elif code == 2: style["dim"] = True
                elif code == 7: style["reverse"] = True
                elif code == 22: style["bold"] = style["dim"] = False
                elif code == 27: style["reverse"] = False
                elif 30 <= code <= 37: style["fg"] = code - 30
                elif 90 <= code <= 97: style["fg"] = code - 90 + 8
                elif code == 39: style["fg"] = None
                elif 40 <= code <= 47: style["bg"] = code - 40
                elif 100 <= code <= 107: style["bg"] = code - 100 + 8
                elif code == 49: style["bg"] = None
                elif code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    style["fg" if code == 38 else "bg"] = codes[i + 2]
                    i += 2
                i += 1
            continue
        if column >= WIDTH:
            break
        cells = width_of(token)
        fg = color(style["fg"]) if style["fg"] is not None else FOREGROUND
        bg = color(style["bg"]) if style["bg"] is not None else BACKGROUND
        if style["reverse"]:
            fg, bg = bg, fg
        if style["dim"]:
            fg = tuple((c + b) // 2 for c, b in zip(fg, bg))
        x, y = column * CELL_W, row * CELL_H
        draw.rectangle([x, y, x + cells * CELL_W - 1, y + CELL_H - 1], fill=bg)
        if token.strip():
            if emoji and ord(token[0]) >= 0x1F300:
                glyph = Image.new("RGBA", (136, 128), (0, 0, 0, 0))
                ImageDraw.Draw(glyph).text((0, 0), token, font=emoji, embedded_color=True)
                glyph = glyph.resize((cells * CELL_W, CELL_H - 2))
                image.paste(glyph, (x, y + 1), glyph)
            else:
                font = wide if cells == 2 else (bold if style["bold"] else regular)
                draw.text((x, y + 1), token, font=font, fill=fg)
        column += cells
image.save(TARGET)
