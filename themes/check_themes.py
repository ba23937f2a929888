#!/usr/bin/env python3
"""Validate lede theme files and print their contrast tables.

Usage:  python3 themes/check_themes.py [FILE.toml ...]
        (no files: every themes/*.toml next to this script)

Checks: TOML parses; exactly the known keys; every style/colour/attr is valid;
all required keys present; entity types distinguishable from each other and
from plain text: by colour alone in truecolor and 256 colours, by colour or
attributes in 8 colours;
focused_mention unique; monochrome has no colours.  Exit status 1 on error.

Contrast: WCAG 2.x ratio of `fg` against the theme background.  Background is
`ui.text.bg` when declared, else assumed #000000 when the text colour is light
and #ffffff when it is dark.  Named colours and indices 0-15 are taken at
xterm's default values; fg "default" is taken as #e5e5e5.
Downmapping used for the table (an assumption, not necessarily lede's code):
  256: nearest xterm-256 colour in RGB among indices 16-255 (6x6x6 cube +
       grey ramp; 0-15 excluded because terminals redefine them).
  8:   HSV hue family: red/yellow/green/cyan/blue/magenta, 60° sectors centred
       on 0/60/120/180/240/300; HSV value < 0.25 is black; saturation < 0.25
       is grey -> white (value >= 0.5) or black.  Palette-independent,
       matches "hue families".
  xterm16: nearest of the 16 xterm default colours by plain RGB distance — a
       naive second opinion (it is biased towards greys); collisions there
       are reported as warnings only.
"""
import colorsys, glob, os, sys, tomllib

ATTRS = {"bold", "dim", "italic", "underline", "reverse"}
NAMES = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
         "bright_black", "bright_red", "bright_green", "bright_yellow",
         "bright_blue", "bright_magenta", "bright_cyan", "bright_white"]
XTERM16 = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
           "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]
UI = ["text", "border", "border_focused", "pane_title", "pane_title_focused", "title", "byline",
      "status", "status_key", "status_mode", "selection", "search_match", "dim", "hint_label",
      "overlay", "overlay_border", "message", "error"]
ENT = ["organisation", "person", "location", "topic", "model", "detected", "focused_mention", "other"]
TYPES = ["organisation", "person", "location", "topic", "model"]
TL = ["axis", "marker", "label", "selected", "planned", "conflict"]
ORGS = ["OpenAI", "Google", "Anthropic", "Meta", "DeepSeek", "Alibaba", "Mistral AI", "xAI",
        "Microsoft", "Nvidia", "Baidu", "Tencent", "ByteDance", "Moonshot AI", "Zhipu AI"]


DEFAULT_FG = (0xe5, 0xe5, 0xe5)  # assumed for fg = "default" (xterm-style light-on-dark)


def hexrgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


def xterm256(i):
    if i < 16:
        return hexrgb(XTERM16[i])
    if i < 232:
        i -= 16
        lv = [0, 95, 135, 175, 215, 255]
        return (lv[i // 36], lv[i // 6 % 6], lv[i % 6])
    v = 8 + 10 * (i - 232)
    return (v, v, v)


def valid_colour(c):
    if isinstance(c, bool):
        return False
    if isinstance(c, int):
        return 0 <= c <= 255
    if isinstance(c, str):
        if c == "default" or c in NAMES:
            return True
        return len(c) == 7 and c[0] == "#" and all(ch in "0123456789abcdefABCDEF" for ch in c[1:])
    return False


def rgb(c, default):
    if c is None or c == "default":
        return default
    if isinstance(c, int):
        return xterm256(c)
    if c in NAMES:
        return hexrgb(XTERM16[NAMES.index(c)])
    return hexrgb(c)


def lum(c):
    def ch(v):
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = map(ch, c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dist(a, b):
    return sum((x - y) ** 2 for x, y in zip(a, b))


def to256(c):
    return min(range(16, 256), key=lambda i: (dist(xterm256(i), c), i))


def to16(c):
    return min(range(16), key=lambda i: (dist(hexrgb(XTERM16[i]), c), i))


def to8(c):
    h, s, v = colorsys.rgb_to_hsv(*(x / 255 for x in c))
    if v < 0.25 or s < 0.25:
        return "white" if v >= 0.5 else "black"
    return ["red", "yellow", "green", "cyan", "blue", "magenta"][int(((h * 360 + 30) % 360) // 60)]


def near16(c):
    return NAMES[to16(c)]


def hexs(c):
    return "#%02x%02x%02x" % c


class Checker:
    def __init__(self, path):
        self.path, self.errors, self.warnings = path, [], []

    def err(self, msg):
        self.errors.append(msg)

    def style(self, where, s):
        if not isinstance(s, dict):
            return self.err(f"{where}: style must be an inline table")
        for k in s:
            if k not in ("fg", "bg", "attrs"):
                self.err(f"{where}: unknown key {k!r}")
        for k in ("fg", "bg"):
            if k in s and not valid_colour(s[k]):
                self.err(f"{where}.{k}: invalid colour {s[k]!r}")
        a = s.get("attrs", [])
        if not isinstance(a, list) or any(x not in ATTRS for x in a):
            self.err(f"{where}.attrs: must be a list drawn from {sorted(ATTRS)}")

    def run(self):
        try:
            with open(self.path, "rb") as f:
                t = tomllib.load(f)
        except Exception as e:  # noqa: BLE001
            self.err(f"TOML parse error: {e}")
            return None
        for k in t:
            if k not in ("name", "description", "source", "ui", "entities", "timeline"):
                self.err(f"unknown top-level key {k!r}")
        if not isinstance(t.get("name"), str) or not t["name"]:
            self.err("missing name")
        for k in ("description", "source"):
            if k in t and not isinstance(t[k], str):
                self.err(f"{k} must be a string")
        for sect, keys in (("ui", UI), ("entities", ENT)):
            tab = t.get(sect, {})
            for k in keys:
                if k not in tab:
                    self.err(f"[{sect}] missing {k}")
            for k, v in tab.items():
                if k not in keys:
                    self.err(f"[{sect}] unknown key {k!r}")
                else:
                    self.style(f"{sect}.{k}", v)
        tl = t.get("timeline", {})
        for k in TL + ["palette", "organisations"]:
            if k not in tl:
                self.err(f"[timeline] missing {k}")
        for k, v in tl.items():
            if k in TL:
                self.style(f"timeline.{k}", v)
            elif k == "palette":
                if not isinstance(v, list) or any(not valid_colour(c) for c in v):
                    self.err("timeline.palette: must be a list of colours")
            elif k == "organisations":
                if not isinstance(v, dict):
                    self.err("[timeline.organisations] must be a table")
                    continue
                for o, c in v.items():
                    if not valid_colour(c):
                        self.err(f"timeline.organisations.{o}: invalid colour {c!r}")
            else:
                self.err(f"[timeline] unknown key {k!r}")
        return t


def signature(style, level, bg):
    fg = style.get("fg")
    a = frozenset(style.get("attrs", []))
    if fg is None:
        return (None, a)
    c = rgb(fg, DEFAULT_FG)
    col = {"true": hexs(c), "256": to256(c), "8": to8(c), "xterm16": near16(c)}[level]
    return (col, a)


def analyse(path):
    ck = Checker(path)
    t = ck.run()
    if t is None:
        return ck
    ui, ent, tl = t.get("ui", {}), t.get("entities", {}), t.get("timeline", {})
    if ck.errors:
        return ck
    # A theme with an empty palette and no organisation colours is monochrome.
    mono = not tl["palette"] and not tl["organisations"]
    if mono:
        styles = list(ui.items()) + list(ent.items()) + [(k, tl[k]) for k in TL]
        for k, s in styles:
            if "fg" in s or "bg" in s:
                ck.err(f"monochrome: {k} must not set a colour")
        det = set(ent["detected"].get("attrs", []))
        sigs = {k: frozenset(ent[k].get("attrs", [])) for k in TYPES + ["other"]}
        sigs["text"] = frozenset(ui["text"].get("attrs", []))
        for variant, extra in (("plain", set()), ("detected", det)):
            seen = {}
            for k, s in sigs.items():
                s2 = s | extra if k != "text" else s
                if s2 in seen:
                    ck.err(f"monochrome ({variant}): {k} and {seen[s2]} share attrs {sorted(s2)}")
                seen[s2] = k
        if "reverse" not in ent["focused_mention"].get("attrs", []) or \
                any("reverse" in ent[k].get("attrs", []) for k in TYPES + ["other", "detected"]):
            ck.err("focused_mention must be the only entity style using reverse")
        print(f"\n### {t['name']} (`{os.path.basename(path)}`)\n")
        print("No colours; entity types by attributes alone:\n")
        print("| key | attrs | with `detected` on top |")
        print("|---|---|---|")
        for k in ["text"] + TYPES + ["other"]:
            a = sorted(sigs[k])
            b = a if k == "text" else sorted(sigs[k] | det)
            print(f"| {k} | {', '.join(a) or '(none)'} | {', '.join(b) or '(none)'} |")
        print(f"| focused_mention | {', '.join(ent['focused_mention'].get('attrs', []))} | |")
        return ck

    # colour theme
    if len(tl.get("palette", [])) < 6:
        ck.err("timeline.palette needs at least 6 colours")
    for o in ORGS:
        if o not in tl.get("organisations", {}):
            ck.err(f"[timeline.organisations] missing {o}")
    text_fg = rgb(ui["text"].get("fg"), DEFAULT_FG)
    if "bg" in ui["text"] and ui["text"]["bg"] != "default":
        bg, bgnote = rgb(ui["text"]["bg"], None), "declared `ui.text.bg`"
    elif lum(text_fg) > 0.18:
        bg, bgnote = (0, 0, 0), "assumed dark terminal"
    else:
        bg, bgnote = (255, 255, 255), "assumed light terminal"
    bg256 = xterm256(to256(bg))
    rows = []
    for k in ["text"] + TYPES + ["other"]:
        s = ui["text"] if k == "text" else ent[k]
        if "fg" not in s:
            ck.err(f"{k}: colour theme entity types need an fg")
            continue
        c = rgb(s["fg"], DEFAULT_FG)
        i = to256(c)
        r_true, r_256 = contrast(c, bg), contrast(xterm256(i), bg256)
        rows.append((k, hexs(c), ", ".join(s.get("attrs", [])), r_true, i, r_256, to8(c), near16(c)))
        if k != "text" and to8(c) == to8(bg):
            ck.err(f"{k}: 8-colour {to8(c)} is the background colour")
        if k != "other" and r_true < 4.5:
            ck.warnings.append(f"{k}: contrast {r_true:.2f} < 4.5")
    # distinguishability of the 5 types and plain text at each colour depth
    for level in ("true", "256", "8", "xterm16"):
        sigs = {k: signature(ent[k], level, bg) for k in TYPES}
        sigs["text"] = signature(ui["text"], level, bg)
        if level in ("true", "256"):  # full colour depths: the colour alone must differ
            sigs = {k: sg[0] for k, sg in sigs.items()}
        seen = {}
        for k, sg in sigs.items():
            if sg in seen:
                msg = f"{level}: {k} and {seen[sg]} look identical ({sg})"
                (ck.err if level != "xterm16" else ck.warnings.append)(msg)
            seen[sg] = k
    fm = ent["focused_mention"]
    if "reverse" not in fm.get("attrs", []) and "bg" not in fm:
        ck.err("focused_mention must use reverse or a bg to stand out")
    # other styles: contrast against their own bg (or the theme bg) — warnings only
    others = []
    for sect, tab in (("ui", ui), ("timeline", {k: tl[k] for k in TL})):
        for k, s in tab.items():
            if "fg" in s:
                b = rgb(s.get("bg"), bg)
                others.append((f"{sect}.{k}", contrast(rgb(s["fg"], DEFAULT_FG), b)))
    orgs = [(o, contrast(rgb(c, DEFAULT_FG), bg)) for o, c in tl["organisations"].items()]
    print(f"\n### {t['name']} (`{os.path.basename(path)}`)\n")
    print(f"Background {hexs(bg)} ({bgnote}).\n")
    print("| key | fg | attrs | ratio (truecolor) | 256 index | ratio (256) | 8-colour | xterm16 |")
    print("|---|---|---|---:|---:|---:|---|---|")
    for k, h, a, rt, i, r2, c8, hf in rows:
        print(f"| {k} | `{h}` | {a} | {rt:.2f} | {i} | {r2:.2f} | {c8} | {hf} |")
    low = [f"{k} {r:.2f}" for k, r in others if r < 3]
    print(f"\nOther fg styles: min {min((r for _, r in others), default=float('nan')):.2f}"
          + (f"; below 3:1 (intentionally muted): {', '.join(low)}" if low else "") + ".")
    lo = min(orgs, key=lambda x: x[1], default=("-", float("nan")))
    print(f"Timeline organisation colours: min {lo[1]:.2f} ({lo[0]}).")
    for o, r in orgs:
        if r < 3:
            ck.warnings.append(f"timeline.organisations.{o}: contrast {r:.2f} < 3")
    return ck


def main():
    args = sys.argv[1:]
    files = args or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "*.toml")))
    bad = 0
    for f in files:
        ck = analyse(f)
        for w in ck.warnings:
            print(f"  warning: {os.path.basename(f)}: {w}", file=sys.stderr)
        for e in ck.errors:
            print(f"  ERROR: {os.path.basename(f)}: {e}", file=sys.stderr)
        bad += bool(ck.errors)
        print(f"{os.path.basename(f)}: {'FAIL' if ck.errors else 'ok'}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
