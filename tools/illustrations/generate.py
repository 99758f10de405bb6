#!/usr/bin/env python3
"""Generate the exercise drawings in assets/illustrations/ from the pose data in exercises.py.

Python 3.11 standard library only. Run from anywhere:

    python3 tools/illustrations/generate.py            # write every SVG
    python3 tools/illustrations/generate.py heel-raise-seated toe-raise   # only these
    python3 tools/illustrations/generate.py --check    # validate poses, write nothing

Each drawing is a side-view stick figure defined by joint angles (degrees, 0 = forward i.e. the way the
toes point, 90 = up, -90 = down, 180 = backward; a figure with "flip" faces left).  Limbs can instead
"reach" a point (two-link inverse kinematics; the knee/elbow always bends the anatomical way).  After
posing, every figure is checked: knees and elbows must not bend backwards, ankles, hips, toes and neck
must stay in a human range.  See README.md for the data format.
"""

from __future__ import annotations

import math
import os
import sys
from xml.sax.saxutils import escape

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(REPO, "assets", "illustrations")

# ---------------------------------------------------------------------------------------------- style
W, H = 400, 300
# The palette (tests/illustrations.rs checks every drawing keeps to it). Greys stay apart on a cheap laser
# printer; the accent is the handout's teal, always with stripes (the pattern "work") so greyscale shows it.
INK = "#000"          # every outline of the END pose, arrows, labels
GHOST = "#888"        # outline of the START pose
BODY_FILL = "#fff"    # the near side of the body
FAR_FILL = "#ccc"     # limbs on the far side
HAIR = "#555"
SHOE_FILL = "#555"
GHOST_FILL = "#fff"
GHOST_FAR = "#eee"
GHOST_SHOE = "#ccc"
ACCENT = "#0b6e75"    # stripes on the working leg
ACCENT_LIGHT = "#8cc9cd"  # the working leg's fill
GHOST_WORK = "#d7ecee"    # the working leg in the START pose (no stripes)
PROP = "#555"         # prop outlines
PROP_FILL = "#eee"    # prop fill
SOFT_FILL = "#ccc"    # darker prop fill (weights, foam, packs)
PALETTE = {INK, GHOST, BODY_FILL, FAR_FILL, HAIR, SHOE_FILL, GHOST_FILL, GHOST_FAR, GHOST_SHOE, ACCENT, ACCENT_LIGHT,
           GHOST_WORK, PROP, PROP_FILL, SOFT_FILL}
LINE = 3.5            # the one line weight of figures (outline) and props
LIMB_W = 6            # old stick-figure stroke (still used by close-up outlines)
TRUNK_W = 8
PROP_W = LINE
ARROW_W = 6
HALO = 5              # white margin drawn under arrows (separation)
SOLE_GAP = 5          # the heel/ball line of a foot sits this far above a surface line
WORK_PATTERN = (f'<defs><pattern id="work" patternUnits="userSpaceOnUse" width="9" height="9" '
                f'patternTransform="rotate(45)"><rect x="0" y="0" width="9" height="9" fill="{ACCENT_LIGHT}"/>'
                f'<path d="M0 4.5 L9 4.5" stroke="{ACCENT}" stroke-width="3.2"/></pattern></defs>')

# Body proportions (pixels at scale 1): about 240 px tall standing.
BODY = dict(trunk=72, neck=8, head_r=15, upper=44, fore=40, thigh=60, shin=58,
            heel_ball=25, toes=10, ankle_back=8, ankle_up=4)

# Human range checks (degrees, in the figure's own facing-forward frame).
LIMITS = dict(knee=(-4, 160), elbow=(-4, 165), ankle=(-75, 45), hip=(-40, 135), neck=(-60, 60),
              toes=(-45, 75))


# ---------------------------------------------------------------------------------------------- geometry
def vec(angle: float, length: float = 1.0) -> tuple[float, float]:
    r = math.radians(angle)
    return (length * math.cos(r), -length * math.sin(r))


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def mul(a, k):
    return (a[0] * k, a[1] * k)


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def angle_of(v) -> float:
    return math.degrees(math.atan2(-v[1], v[0]))


def norm_deg(a: float) -> float:
    a = (a + 180.0) % 360.0 - 180.0
    return a


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def unit(v):
    n = math.hypot(*v)
    return (v[0] / n, v[1] / n) if n else (0.0, 0.0)


def perp(v):
    """Rotate 90 degrees counter-clockwise on screen (y down)."""
    return (v[1], -v[0])


def fmt(x: float) -> str:
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def pts(points) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def path_d(points, closed=False) -> str:
    d = "M" + " L".join(f"{fmt(x)} {fmt(y)}" for x, y in points)
    return d + (" Z" if closed else "")


# ---------------------------------------------------------------------------------------------- figure
class PoseError(Exception):
    pass


class Figure:
    """One posed stick figure; `points` maps joint names to absolute (x, y)."""

    def __init__(self, name: str, spec: dict, refs: "Refs"):
        self.name = name
        self.spec = spec
        self.style = spec.get("style", "ink")
        self.flip = bool(spec.get("flip", False))
        self.scale = float(spec.get("scale", 1.0))
        self.hide = set(spec.get("hide", ()))
        self.L = {k: v * self.scale for k, v in BODY.items()}
        self.points: dict[str, tuple[float, float]] = {}
        self.foot_none = set()
        self.problems: list[str] = []
        self._pose(refs)

    # -- helpers in the figure's facing-right frame
    def _m(self, v):
        return (-v[0], v[1]) if self.flip else v

    def _foot_offsets(self, foot: float, toes: float | None):
        L = self.L
        u, v = vec(foot), vec(foot + 90)
        heel = (-L["ankle_back"] * u[0] - L["ankle_up"] * v[0], -L["ankle_back"] * u[1] - L["ankle_up"] * v[1])
        ball = add(heel, mul(u, L["heel_ball"]))
        toe = add(ball, vec(foot if toes is None else toes, L["toes"]))
        return {"heel": heel, "ball": ball, "toe": toe}

    def _pose(self, refs):
        s, L, P = self.spec, self.L, {}
        trunk = s.get("trunk", 90)
        head = s.get("head", trunk)
        P["hip"] = (0.0, 0.0)
        P["shoulder"] = vec(trunk, L["trunk"])
        P["head"] = add(P["shoulder"], vec(head, L["neck"] + L["head_r"]))
        ik = {}
        for side in "nf":
            arm = s.get("arm_" + side, s.get("arm_n", (-80, -70)))
            if isinstance(arm, dict):
                ik["arm_" + side] = arm
            else:
                P["elbow_" + side] = add(P["shoulder"], vec(arm[0], L["upper"]))
                P["wrist_" + side] = add(P["elbow_" + side], vec(arm[1], L["fore"]))
            leg = s.get("leg_" + side, s.get("leg_n", (-90, -90, 0)))
            if isinstance(leg, dict):
                ik["leg_" + side] = leg
            else:
                P["knee_" + side] = add(P["hip"], vec(leg[0], L["thigh"]))
                P["ankle_" + side] = add(P["knee_" + side], vec(leg[1], L["shin"]))
                if leg[2] is None:
                    self.foot_none.add(side)
                else:
                    for k, off in self._foot_offsets(leg[2], leg[3] if len(leg) > 3 else None).items():
                        P[f"{k}_{side}"] = add(P["ankle_" + side], off)
        if self.flip:
            P = {k: (-x, y) for k, (x, y) in P.items()}
        # place the figure: a joint at a point
        joint, ax, ay = s["at"]
        ax, ay = refs.point((ax, ay)) if isinstance(ax, str) else (ax, ay)
        if isinstance(joint, str):
            if joint not in P:
                raise PoseError(f"{self.name}: anchor joint {joint} is not a fixed (angle-posed) joint")
            here = P[joint]
        else:  # a point expression on this figure, e.g. ("calfpt", "self", 0.5, 20): rest the calf on a prop
            self.points = P
            refs.figs["self"] = self
            here = refs.point(joint)
            del refs.figs["self"]
        dx, dy = ax - here[0], ay - here[1]
        P = {k: (x + dx, y + dy) for k, (x, y) in P.items()}
        if "ground" in s:  # rest the lowest part of the figure on a surface line
            low = self._lowest(P)
            shift = s["ground"] - SOLE_GAP - low
            P = {k: (x, y + shift) for k, (x, y) in P.items()}
        for joint, xy in s.get("points", {}).items():  # explicit positions (foreshortened views)
            new = refs.point(xy)
            if joint.startswith("ankle_"):  # the foot moves with its ankle
                d = sub(new, P[joint])
                for k in ("heel_", "ball_", "toe_"):
                    if k + joint[-1] in P:
                        P[k + joint[-1]] = add(P[k + joint[-1]], d)
            P[joint] = new
        self.points = P
        refs.figs["self"] = self  # reach targets may name this figure's own joints ("self.knee_n")
        # inverse kinematics for reaching limbs (absolute coordinates): legs first, then arms
        for part in sorted(ik, key=lambda p: 0 if p.startswith("leg") else 1):
            spec = ik[part]
            side = part[-1]
            if part.startswith("arm"):
                target = refs.point(spec["reach"])
                e, w = self._two_link(P["shoulder"], target, L["upper"], L["fore"], "elbow")
                P["elbow_" + side], P["wrist_" + side] = e, w
            else:
                foot = spec.get("foot", 0)
                toes = spec.get("toes")
                offs = {k: self._m(v) for k, v in self._foot_offsets(foot, toes).items()}
                key = next(k for k in ("heel", "ball", "toe", "ankle") if k in spec)
                target = refs.point(spec[key])
                ankle = target if key == "ankle" else sub(target, offs[key])
                k, a = self._two_link(P["hip"], ankle, L["thigh"], L["shin"], "knee")
                P["knee_" + side], P["ankle_" + side] = k, a
                for name, off in offs.items():
                    P[f"{name}_{side}"] = add(a, off)
        del refs.figs["self"]
        self.points = P

    def _lowest(self, P):
        r = self.L["head_r"]
        low = P["head"][1] + r - LIMB_W / 2
        for k, (x, y) in P.items():
            if k == "head":
                continue
            side = k[-1]
            if ("arm_" + side in self.hide and k[:-2] in ("elbow", "wrist")) or (
                    "leg_" + side in self.hide and k[:-2] in ("knee", "ankle", "heel", "ball", "toe")):
                continue
            low = max(low, y)
        return low

    def _two_link(self, root, target, l1, l2, kind):
        d = dist(root, target)
        if d > l1 + l2 - 0.5:
            u = unit(sub(target, root))
            mid = add(root, mul(u, l1))
            self.problems.append(f"{self.name}: {kind} target {tuple(round(v) for v in target)} out of reach from "
                            f"{tuple(round(v) for v in root)} by {d - l1 - l2:.1f}px")
            return mid, add(mid, mul(u, l2))
        if d < abs(l1 - l2) + 0.5:
            raise PoseError(f"{self.name}: {kind} target too close")
        base = angle_of(sub(target, root))
        off = math.degrees(math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))
        best = None
        for sign in (1, -1):
            mid = add(root, vec(base + sign * off, l1))
            a1 = angle_of(self._m(sub(mid, root)))
            a2 = angle_of(self._m(sub(target, mid)))
            flex = norm_deg(a1 - a2) if kind == "knee" else norm_deg(a2 - a1)
            if flex >= 0:
                best = mid
        return best, target

    # -- anatomy check
    def check(self) -> list[str]:
        P, out = self.points, list(self.problems)
        if self.spec.get("check", True) is False:  # hand-placed, foreshortened figure
            return out

        def ang(a, b):
            return angle_of(self._m(sub(P[b], P[a])))

        def within(label, val, lim):
            lo, hi = LIMITS[lim]
            if not lo <= val <= hi:
                out.append(f"{self.name}: {label} {val:.0f} deg outside {lo}..{hi}")

        trunk = ang("hip", "shoulder")
        within("neck", norm_deg(ang("shoulder", "head") - trunk), "neck")
        for side in "nf":
            if "leg_" + side not in self.hide and "knee_" + side in P:
                thigh, shin = ang("hip", "knee_" + side), ang("knee_" + side, "ankle_" + side)
                within(f"knee_{side} flexion", norm_deg(thigh - shin), "knee")
                within(f"hip_{side} flexion", norm_deg(thigh - (trunk - 180)), "hip")
                if side not in self.foot_none and "heel_" + side in P:
                    foot = ang("heel_" + side, "ball_" + side)
                    within(f"ankle_{side} dorsiflexion", norm_deg(foot - shin - 90), "ankle")
                    toes = ang("ball_" + side, "toe_" + side)
                    within(f"toes_{side} extension", norm_deg(toes - foot), "toes")
            if "arm_" + side not in self.hide and "elbow_" + side in P:
                up, fore = ang("shoulder", "elbow_" + side), ang("elbow_" + side, "wrist_" + side)
                within(f"elbow_{side} flexion", norm_deg(fore - up), "elbow")
        return out

    # -- drawing
    def working(self) -> set[str]:
        """The legs filled with the accent colour: "n" (near: the right leg of a figure facing right), "f", both or
        none. Drawings are made for the RIGHT leg working."""
        w = self.spec.get("work", "n")
        return {"n", "f"} if w == "both" else set() if not w else {w}

    def svg(self, line_k: float = 1.0) -> list[str]:
        P, s = self.points, self.scale
        LINE = globals()["LINE"] * line_k
        ghost = self.style == "ghost"
        line = GHOST if ghost else INK
        near, far = (GHOST_FILL, GHOST_FAR) if ghost else (BODY_FILL, FAR_FILL)
        work = GHOST_WORK if ghost else "url(#work)"
        bare = self.spec.get("bare", False)
        out: list[str] = []

        def front_normal(a, b, upward=False):
            """Unit normal to a->b on the front of the body. Limbs run from the body outwards (the front is 90 degrees
            anticlockwise in the figure's frame); the trunk and neck run upwards (90 degrees clockwise)."""
            ang = angle_of(self._m(sub(b, a)))
            return self._m(vec(ang - 90 if upward else ang + 90))

        def part(shapes, fill):
            """Shapes of one body part: a thick outline under all of them, then their fills over it, so only the
            outline of the whole part shows (joints inside a part have no line)."""
            for d in shapes:
                out.append(f'<path d="{d}" fill="{fill}" stroke="{line}" stroke-width="{fmt(2 * LINE)}" stroke-linejoin="round"/>')
            for d in shapes:
                out.append(f'<path d="{d}" fill="{fill}"/>')

        def limb(a, b, profile, upward=False):
            """A tapered limb a->b: profile is [(t, front width, back width)] from a (t=0) to b (t=1)."""
            n = front_normal(a, b, upward)
            fr = [add(lerp(a, b, t), mul(n, f * s)) for t, f, _ in profile]
            bk = [add(lerp(a, b, t), mul(n, -k * s)) for t, _, k in reversed(profile)]
            u = unit(sub(b, a))
            tip_b = add(b, mul(u, 0.8 * min(profile[-1][1], profile[-1][2]) * s))
            tip_a = sub(a, mul(u, 0.8 * min(profile[0][1], profile[0][2]) * s))
            return _smooth([tip_a] + fr + [tip_b] + bk, True)

        def foot(side):
            if side in self.foot_none:
                return []
            heel, ball, toe, ankle = P["heel_" + side], P["ball_" + side], P["toe_" + side], P["ankle_" + side]
            u = unit(sub(ball, heel))
            v = perp(u)
            if v[0] * (ankle[0] - heel[0]) + v[1] * (ankle[1] - heel[1]) < 0:
                v = mul(v, -1)
            k = s * (1.08 if not bare else 1.0)

            def at(x, y):
                return add(add(heel, mul(u, x * k)), mul(v, y * k))
            main = [at(-3.5, 2), at(-2.5, -1.5), at(1, -3.2), at(12, -3.4), at(24, -3.2), at(27.5, 0.5), at(24, 5.5),
                    at(15, 9), at(11, 12.5), at(4, 12.5), at(-1.5, 8)]
            tu = unit(sub(toe, ball))
            tv = perp(tu)
            if tv[0] * v[0] + tv[1] * v[1] < 0:
                tv = mul(tv, -1)
            th = 3.4 * k  # half thickness of the toes
            base = sub(ball, mul(tu, 2 * k))
            tip = add(toe, mul(tu, 2.5 * k))
            toes = [add(base, mul(tv, 2 * th)), add(lerp(base, tip, 0.7), mul(tv, th * 1.1)), add(tip, mul(tv, 0.2 * th)),
                    add(tip, mul(tv, -0.9 * th)), add(lerp(base, tip, 0.5), mul(tv, -th)), add(base, mul(tv, -th))]
            return [_smooth(main, True), _smooth(toes, True)]

        def leg(side):
            if "leg_" + side in self.hide:
                return
            hip, knee, ankle = P["hip"], P["knee_" + side], P["ankle_" + side]
            thigh = limb(hip, knee, [(0, 10, 10.5), (0.35, 10.5, 10), (0.8, 8.2, 7.8), (1, 7.2, 7.2)])
            shin = limb(knee, ankle, [(0, 7.2, 7.2), (0.25, 5.8, 10), (0.5, 5.2, 8.4), (0.8, 4.3, 5.2), (1, 4.3, 4.5)])
            fill = work if side in self.working() else (near if side == "n" else far)
            shoe = [] if bare else foot(side)
            part([thigh, shin] + ([] if shoe else foot(side)), fill)
            if shoe:
                part(shoe, GHOST_SHOE if ghost else SHOE_FILL)

        def arm(side):
            if "arm_" + side in self.hide:
                return
            sh, el, wr = P["shoulder"], P["elbow_" + side], P["wrist_" + side]
            up = limb(sh, el, [(0, 7, 7), (0.4, 6.4, 6.4), (1, 5, 5)])
            fore = limb(el, wr, [(0, 4.8, 4.8), (0.4, 4.6, 4.6), (1, 3.6, 3.6)])
            d = unit(sub(wr, el))
            hand = limb(wr, add(wr, mul(d, 11 * s)), [(0, 4, 4), (0.5, 5, 4.6), (1, 3.6, 3.6)])
            part([up, fore, hand], near if side == "n" else far)

        def torso():
            hip, sh = P["hip"], P["shoulder"]
            n = front_normal(hip, sh, True)
            u = unit(sub(sh, hip))
            ln = dist(hip, sh)
            bulge = self.spec.get("curve", 0)

            def at(t, off):  # off > 0 in front
                q = add(add(hip, mul(u, t * ln)), mul(n, off * s))
                if bulge:
                    q = add(q, mul(n, -2 * bulge * math.sin(math.pi * max(0.0, min(1.0, t)))))
                return q
            outline = [at(-0.13, 2), at(-0.08, 10.5), at(0.12, 13), at(0.42, 12.5), at(0.72, 16.5), at(0.92, 13.5), at(1.06, 4),
                       at(1.06, -9.5), at(0.85, -15), at(0.55, -12), at(0.25, -13), at(0.02, -15.5), at(-0.1, -10.5)]
            head_c = P["head"]
            r = self.L["head_r"]
            neck_end = sub(head_c, mul(unit(sub(head_c, sh)), r * 0.4))
            neck = limb(lerp(hip, sh, 0.93), neck_end, [(0, 6, 6), (1, 5, 5)], True)
            part([_smooth(outline, True), neck], near)
            # the head: a circle with a nose on the face side and hair on the back, so its direction reads small
            hu = unit(sub(head_c, sh))
            hn = front_normal(sh, head_c, True)
            nose = [add(head_c, add(mul(hn, r * 0.86), mul(hu, 0.25 * r))), add(head_c, add(mul(hn, r * 1.2), mul(hu, -0.12 * r))),
                    add(head_c, add(mul(hn, r * 0.86), mul(hu, -0.3 * r)))]
            out.append(f'<path d="{path_d(nose, True)}" fill="{near}" stroke="{line}" stroke-width="{fmt(LINE)}" stroke-linejoin="round"/>')
            out.append(f'<circle cx="{fmt(head_c[0])}" cy="{fmt(head_c[1])}" r="{fmt(r)}" fill="{near}" stroke="{line}" stroke-width="{fmt(LINE)}"/>')
            out.append(f'<path d="{path_d(nose, True)}" fill="{near}"/>')
            hair = [add(head_c, add(mul(hn, r * math.cos(math.radians(a))), mul(hu, r * math.sin(math.radians(a)))))
                    for a in range(70, 236, 8)]
            inner = [add(head_c, add(mul(hn, -r * 0.35), mul(hu, -r * 0.2))), add(head_c, add(mul(hn, -r * 0.05), mul(hu, r * 0.35)))]
            out.append(f'<path d="{_smooth(hair + inner, True)}" fill="{line if ghost else HAIR}" stroke="{line}" stroke-width="{fmt(LINE)}" stroke-linejoin="round"/>')

        arm("f")
        leg("f")
        torso()
        leg("n")
        arm("n")
        return out


def trim_start(points, length):
    """Drop the first `length` px of a polyline."""
    out = list(points)
    while len(out) >= 2 and length > 0:
        seg = dist(out[0], out[1])
        if seg <= length:
            length -= seg
            out.pop(0)
        else:
            out[0] = lerp(out[0], out[1], length / seg)
            length = 0
    return out


def trim_end(points, length):
    return list(reversed(trim_start(list(reversed(points)), length)))


# ---------------------------------------------------------------------------------------------- references
class Refs:
    """Resolves points: (x, y), "fig.joint", ("fig.joint", dx, dy), ("mid", P, Q, t)."""

    def __init__(self):
        self.figs: dict[str, Figure] = {}

    def point(self, p):
        if isinstance(p, str):
            fig, joint = p.split(".")
            try:
                return self.figs[fig].points[joint]
            except KeyError as e:
                raise PoseError(f"unknown point {p}") from e
        if isinstance(p, (tuple, list)):
            if len(p) == 4 and p[0] == "mid":
                return lerp(self.point(p[1]), self.point(p[2]), p[3])
            if len(p) == 3 and p[0] == "x":  # ("x", x, point): this x, the point's y
                return (float(p[1]), self.point(p[2])[1])
            if len(p) == 3 and p[0] == "y":  # ("y", y, point): the point's x, this y
                return (self.point(p[2])[0], float(p[1]))
            if len(p) == 4 and p[0] == "calfpt":  # back of the calf: figure, t from knee to ankle, px behind
                fig = self.figs[p[1]]
                k, a = fig.points["knee_n"], fig.points["ankle_n"]
                return add(lerp(k, a, p[2]), mul(_posterior(fig, "knee_n", "ankle_n"), p[3]))
            if len(p) == 3 and isinstance(p[0], (str, tuple, list)):
                base = self.point(p[0])
                return (base[0] + p[1], base[1] + p[2])
            if len(p) == 2 and all(isinstance(v, (int, float)) for v in p):
                return (float(p[0]), float(p[1]))
        raise PoseError(f"bad point {p!r}")


# ---------------------------------------------------------------------------------------------- arrows
def bezier(p0, c, p2, n=48):
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p2[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p2[1]) for t in (i / n for i in range(n + 1))]


def arc_points(center, r, a0, a1, n=None, ry=None):
    ry = r if ry is None else ry
    n = n or max(12, int(abs(a1 - a0) / 4))
    return [(center[0] + r * math.cos(math.radians(a)), center[1] - ry * math.sin(math.radians(a)))
            for a in (a0 + (a1 - a0) * i / n for i in range(n + 1))]


def arrow_svg(points, heads=("end",), width=ARROW_W, color=INK, head_len=19, head_w=13) -> list[str]:
    pts_ = list(points)
    out_heads = []
    for which in heads:
        seq = pts_ if which == "end" else list(reversed(pts_))
        tip = seq[-1]
        # direction: from the point head_len back along the curve to the tip
        back = trim_end(seq, head_len)[-1]
        u = unit(sub(tip, back))
        n = perp(u)
        base = sub(tip, mul(u, head_len))
        out_heads.append([tip, add(base, mul(n, head_w)), add(base, mul(n, -head_w))])
    body = pts_
    if "end" in heads:
        body = trim_end(body, head_len - 3)
    if "start" in heads:
        body = trim_start(body, head_len - 3)
    out = []
    d = path_d(body)
    out.append(f'<path d="{d}" fill="none" stroke="#fff" stroke-width="{fmt(width + 2 * HALO)}" stroke-linecap="round" stroke-linejoin="round"/>')
    for tri in out_heads:
        out.append(f'<path d="{path_d(tri, True)}" fill="#fff" stroke="#fff" stroke-width="{fmt(2 * HALO)}" stroke-linejoin="round"/>')
    out.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{fmt(width)}" stroke-linecap="round" stroke-linejoin="round"/>')
    for tri in out_heads:
        out.append(f'<path d="{path_d(tri, True)}" fill="{color}" stroke="{color}" stroke-width="2" stroke-linejoin="round"/>')
    return out


def make_arrow(spec: dict, refs: Refs, mapping=None) -> list[str]:
    heads = ("end", "start") if spec.get("both") else ("end",)
    if "arc" in spec:
        c = refs.point(spec["arc"])
        pts_ = arc_points(c, spec["r"], spec["a0"], spec["a1"], ry=spec.get("ry"))
    elif "hops" in spec:  # a bouncing path: start point, number of hops, hop length, hop height
        (x, y), n, step, hgt = refs.point(spec["hops"]), spec["n"], spec["step"], spec["height"]
        pts_ = []
        for i in range(n):
            seg = bezier((x + i * step, y), (x + (i + 0.5) * step, y - 2 * hgt), (x + (i + 1) * step, y), 16)
            pts_ += seg if not pts_ else seg[1:]
    elif "wave" in spec:  # small zig-zag bounce arrows: list of points joined smoothly
        pts_ = [refs.point(p) for p in spec["wave"]]
    else:
        a, b = refs.point(spec["from"]), refs.point(spec["to"])
        gap = spec.get("gap", 0)
        if gap:
            u = unit(sub(b, a))
            a, b = add(a, mul(u, gap)), sub(b, mul(u, gap))
        bend = spec.get("bend", 0)
        mid = lerp(a, b, 0.5)
        c = add(mid, mul(unit(perp(sub(b, a))), bend * 2))
        pts_ = bezier(a, c, b)
    if mapping:
        pts_ = [mapping(p) for p in pts_]
    return arrow_svg(pts_, heads, width=spec.get("width", ARROW_W), head_len=spec.get("head", 19),
                     head_w=spec.get("head_w", 13))


# ---------------------------------------------------------------------------------------------- props
def _rect(x0, y0, x1, y1, fill=PROP_FILL, stroke=PROP, rx=0, width=PROP_W):
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    r = f' rx="{fmt(rx)}"' if rx else ""
    return (f'<rect x="{fmt(x0)}" y="{fmt(y0)}" width="{fmt(x1 - x0)}" height="{fmt(y1 - y0)}"{r} '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{fmt(width)}" stroke-linejoin="round"/>')


def _line(points, color=PROP, width=PROP_W, dash=None):
    da = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<path d="{path_d(points)}" fill="none" stroke="{color}" stroke-width="{fmt(width)}" '
            f'stroke-linecap="round" stroke-linejoin="round"{da}/>')


def _circle(c, r, fill=PROP_FILL, stroke=PROP, width=PROP_W):
    return f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}" fill="{fill}" stroke="{stroke}" stroke-width="{fmt(width)}"/>'


def _poly(points, fill=PROP_FILL, stroke=PROP, width=PROP_W):
    return (f'<path d="{path_d(points, True)}" fill="{fill}" stroke="{stroke}" stroke-width="{fmt(width)}" '
            'stroke-linejoin="round"/>')


def _smooth(points, closed=False):
    """Catmull-Rom through points -> cubic path data."""
    p = list(points)
    if closed:
        p = [p[-1]] + p + [p[0], p[1]]
    else:
        p = [p[0]] + p + [p[-1]]
    d = f"M{fmt(p[1][0])} {fmt(p[1][1])}"
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f" C{fmt(c1[0])} {fmt(c1[1])} {fmt(c2[0])} {fmt(c2[1])} {fmt(p2[0])} {fmt(p2[1])}"
    return d + (" Z" if closed else "")


def _oriented_box(a, b, half, rx=None, fill=SOFT_FILL, stroke=PROP, width=PROP_W, shift=0.0):
    """A rounded box along segment a-b, `half` thick each side, shifted sideways by `shift`."""
    u = unit(sub(b, a))
    n = perp(u)
    a, b = add(a, mul(n, shift)), add(b, mul(n, shift))
    length = dist(a, b)
    cx, cy = lerp(a, b, 0.5)
    ang = math.degrees(math.atan2(u[1], u[0]))
    rx = half * 0.6 if rx is None else rx
    return (f'<rect x="{fmt(-length / 2)}" y="{fmt(-half)}" width="{fmt(length)}" height="{fmt(2 * half)}" rx="{fmt(rx)}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{fmt(width)}" stroke-linejoin="round" '
            f'transform="translate({fmt(cx)} {fmt(cy)}) rotate({fmt(ang)})"/>')


def _posterior(fig: Figure, a: str, b: str):
    """Unit normal to segment a->b pointing to the back of the body (away from where the toes point)."""
    P = fig.points
    u = unit(sub(P[b], P[a]))
    n = perp(u)
    side = "n"
    fwd = sub(P["toe_" + side], P["heel_" + side]) if "toe_" + side in P else (1, 0)
    if n[0] * fwd[0] + n[1] * fwd[1] > 0:
        n = mul(n, -1)
    return n


def prop_svg(p, refs: Refs) -> list[str]:
    kind, a = p[0], p[1:]
    R = refs.point
    if kind == "floor":
        y = a[0]
        x0, x1 = (a[1], a[2]) if len(a) >= 3 else (8, W - 8)
        return [f'<rect x="{fmt(x0)}" y="{fmt(y)}" width="{fmt(x1 - x0)}" height="12" fill="{PROP_FILL}"/>',
                _line([(x0, y), (x1, y)])]
    if kind == "step":  # x0, x1, top, bottom
        x0, x1, top, bottom = a
        return [_rect(x0, top, x1, bottom)]
    if kind == "stairs":  # x0, step width, rise, floor, count, direction (+1 rises to the right)
        x0, run, rise, floor, n = a[:5]
        sgn = a[5] if len(a) > 5 else 1
        out = []
        for i in range(n):
            xa = x0 + sgn * i * run
            xb = x0 + sgn * n * run
            out.append(_rect(xa, floor - (i + 1) * rise, xb, floor - i * rise))
        return out
    if kind == "wall":  # face x, top, bottom, side the wall body is on ("right"/"left")
        x, top, bottom, side = a
        x1 = x + 18 if side == "right" else x - 18
        return [_rect(x, top, x1, bottom)]
    if kind == "chair":  # seat x0, x1, seat y, floor y, backrest side
        x0, x1, sy, fy, back = a
        out = []
        th = 10
        out.append(_rect(x0, sy, x1, sy + th, fill=PROP_FILL))
        for lx in (x0 + 8, x1 - 8):
            out.append(_line([(lx, sy + th), (lx, fy - 2)], width=5))
        if back:
            bx = x0 + 4 if back == "left" else x1 - 4
            out.append(_line([(bx, sy), (bx - (4 if back == "left" else -4), sy - 80)], width=6))
        return out
    if kind == "bench":  # a box to sit on: x0, x1, top, floor
        x0, x1, top, floor = a
        return [_rect(x0, top, x1, floor)]
    if kind == "roller":
        c, r = R(a[0]), a[1]
        return [_circle(c, r), _circle(c, r * 0.35, fill="#fff")]
    if kind == "ball":
        c, r = R(a[0]), a[1]
        return [_circle(c, r, fill=SOFT_FILL)]
    if kind == "pad":  # foam pad: x0, x1, top, bottom
        x0, x1, top, bottom = a
        out = [_rect(x0, top, x1, bottom, fill=SOFT_FILL, rx=6)]
        for i in range(1, 6):  # foam texture dots
            x = x0 + (x1 - x0) * i / 6
            out.append(f'<circle cx="{fmt(x)}" cy="{fmt((top + bottom) / 2)}" r="2.5" fill="{PROP}"/>')
        return out
    if kind == "strap":  # towel/band through points: ("strap", [points], width)
        points = [R(q) for q in a[0]]
        width = a[1] if len(a) > 1 else 9
        return [f'<path d="{_smooth(points)}" fill="none" stroke="{PROP}" stroke-width="{fmt(width + 3)}" stroke-linecap="round" stroke-linejoin="round"/>',
                f'<path d="{_smooth(points)}" fill="none" stroke="#ccc" stroke-width="{fmt(width - 3)}" stroke-linecap="round" stroke-linejoin="round"/>']
    if kind == "towel_flat":  # towel lying on the floor: x0, x1, floor y, bunched (0..1)
        x0, x1, y = a[:3]
        bunch = a[3] if len(a) > 3 else 0
        out = []
        if bunch:
            hump = [(x0, y - 2), (x0 + 12, y - 16), (x0 + 24, y - 4), (x0 + 34, y - 14), (x0 + 44, y - 3)]
            out.append(f'<path d="{_smooth(hump)} L{fmt(x1)} {fmt(y - 3)} L{fmt(x1)} {fmt(y)} L{fmt(x0)} {fmt(y)} Z" fill="#ccc" stroke="{PROP}" stroke-width="3" stroke-linejoin="round"/>')
        else:
            out.append(_rect(x0, y - 6, x1, y, fill="#ccc", width=3, rx=2))
        return out
    if kind == "backpack":  # on the back of figure a
        fig = refs.figs[a[0]]
        P = fig.points
        n = _posterior(fig, "hip", "shoulder")
        top = lerp(P["hip"], P["shoulder"], 0.92)
        bot = lerp(P["hip"], P["shoulder"], 0.25)
        return [_backpack(bot, top, n, fig.scale)]
    if kind == "dumbbell":  # at a point; size scale
        c = R(a[0])
        s = a[1] if len(a) > 1 else 1.0
        return [_line([(c[0] - 14 * s, c[1]), (c[0] + 14 * s, c[1])], color=PROP, width=6 * s),
                _rect(c[0] - 22 * s, c[1] - 13 * s, c[0] - 12 * s, c[1] + 13 * s, fill=SOFT_FILL, rx=3),
                _rect(c[0] + 12 * s, c[1] - 13 * s, c[0] + 22 * s, c[1] + 13 * s, fill=SOFT_FILL, rx=3)]
    if kind == "block":  # a weight resting on a point (bottom centre): point, w, h
        c = R(a[0])
        w, h = a[1], a[2]
        return [_rect(c[0] - w / 2, c[1] - h, c[0] + w / 2, c[1], fill="#888", rx=5)]
    if kind == "plate":  # barbell plate seen side-on (circle) centred at point, radius
        c, r = R(a[0]), a[1]
        return [_circle(c, r, fill=SOFT_FILL), _circle(c, r * 0.22, fill=PROP)]
    if kind == "bar":  # a bar/handle: list of points, width
        return [_line([R(q) for q in a[0]], color=PROP, width=a[1] if len(a) > 1 else 6)]
    if kind == "clock":
        c, r = R(a[0]), a[1] if len(a) > 1 else 24
        out = [_circle(c, r, fill="#fff", stroke=INK, width=4)]
        for ang in (90, 0, -90, 180):
            p1 = add(c, vec(ang, r * 0.78))
            p2 = add(c, vec(ang, r * 0.95))
            out.append(_line([p1, p2], color=INK, width=3))
        out.append(_line([add(c, vec(90, r * 0.62)), c, add(c, vec(10, r * 0.48))], color=INK, width=4))
        return out
    if kind == "snowflake":
        c, r = R(a[0]), a[1] if len(a) > 1 else 18
        out = []
        for k in range(3):
            ang = 90 + 60 * k
            p1, p2 = add(c, vec(ang, r)), add(c, vec(ang + 180, r))
            out.append(_line([p1, p2], color=INK, width=4))
            for end, dirn in ((p1, ang), (p2, ang + 180)):
                q = lerp(c, end, 0.62)
                out.append(_line([add(q, vec(dirn + 45, r * 0.35)), q, add(q, vec(dirn - 45, r * 0.35))], color=INK, width=3.5))
        return out
    if kind == "heat":  # three wavy heat lines rising from a point
        c = R(a[0])
        out = []
        for dx in (-16, 0, 16):
            x, y = c[0] + dx, c[1]
            wave = [(x, y), (x + 6, y - 8), (x, y - 16), (x - 6, y - 24), (x, y - 32)]
            out.append(f'<path d="{_smooth(wave)}" fill="none" stroke="{INK}" stroke-width="4" stroke-linecap="round"/>')
        return out
    if kind == "pack":  # a pack in a cloth along the calf of figure a: ("pack", fig, t0, t1)
        fig = refs.figs[a[0]]
        P = fig.points
        n = _posterior(fig, "knee_n", "ankle_n")
        k, an = P["knee_n"], P["ankle_n"]
        p0, p1 = lerp(k, an, a[1]), lerp(k, an, a[2])
        off = mul(n, 14 * fig.scale)
        p0, p1 = add(p0, off), add(p1, off)
        return [_oriented_box(p0, p1, 15 * fig.scale, rx=7, fill=PROP_FILL, width=4),
                _oriented_box(lerp(p0, p1, 0.1), lerp(p0, p1, 0.9), 8 * fig.scale, rx=4, fill="#888", width=3)]
    if kind == "sleeve":  # compression sleeve over the near shin of figure a (drawn behind the leg line)
        fig = refs.figs[a[0]]
        P = fig.points
        k, an = P["knee_n"], P["ankle_n"]
        n = _posterior(fig, "knee_n", "ankle_n")
        s = fig.scale
        top, bot = lerp(k, an, 0.08), lerp(k, an, 0.96)
        back = [(0.0, 15), (0.3, 20), (0.65, 14), (1.0, 9)]  # calf bulge behind the shin
        front = [(1.0, -8), (0.5, -8), (0.0, -9)]
        outline = [add(lerp(top, bot, t), mul(n, w * s)) for t, w in back + front]
        out = [f'<path d="{_smooth(outline, True)}" fill="{SOFT_FILL}" stroke="{INK}" stroke-width="4" stroke-linejoin="round"/>']
        for t in (0.25, 0.5, 0.75):  # knit rings
            q = lerp(top, bot, t)
            w = dict(back)[min(dict(back), key=lambda x: abs(x - t))]
            out.append(_line([add(q, mul(n, -7 * s)), add(q, mul(n, (w - 2) * s))], color=PROP, width=3))
        return out
    if kind == "calf":  # grey highlight of the calf muscle of figure a (drawn behind the figure)
        fig = refs.figs[a[0]]
        P = fig.points
        k, an = P["knee_n"], P["ankle_n"]
        n = _posterior(fig, "knee_n", "ankle_n")
        s = fig.scale
        top, bot = lerp(k, an, 0.06), lerp(k, an, 0.92)
        outline = [add(top, mul(n, 4 * s)), add(lerp(top, bot, 0.3), mul(n, 17 * s)), add(lerp(top, bot, 0.62), mul(n, 11 * s)),
                   add(bot, mul(n, 3 * s)), lerp(top, bot, 0.5)]
        return [f'<path d="{_smooth(outline, True)}" fill="#ccc" stroke="none"/>']
    if kind == "bath":  # x0, x1, rim y, bottom y, water y
        x0, x1, rim, bottom, water = a
        r = 34
        body = (f"M{fmt(x0)} {fmt(rim)} L{fmt(x0 + 6)} {fmt(bottom - r)} Q{fmt(x0 + 8)} {fmt(bottom)} {fmt(x0 + r + 8)} {fmt(bottom)} "
                f"L{fmt(x1 - r - 8)} {fmt(bottom)} Q{fmt(x1 - 8)} {fmt(bottom)} {fmt(x1 - 6)} {fmt(bottom - r)} L{fmt(x1)} {fmt(rim)} Z")
        return [f'<path d="{body}" fill="{PROP_FILL}" stroke="{PROP}" stroke-width="{PROP_W}" stroke-linejoin="round"/>',
                _line([(x0 - 6, rim), (x1 + 6, rim)], width=8),
                _line([(x0 + 40, bottom), (x0 + 40, bottom + 14)], width=6), _line([(x1 - 40, bottom), (x1 - 40, bottom + 14)], width=6)]
    if kind == "water":  # wavy water line drawn over the figure: x0, x1, y
        x0, x1, y = a
        wave, x, up = [], x0, True
        while x <= x1:
            wave.append((x, y + (-4 if up else 4)))
            x += 16
            up = not up
        return [f'<path d="{_smooth(wave)}" fill="none" stroke="{PROP}" stroke-width="4" stroke-linecap="round"/>']
    if kind == "gauge":  # dial turned down: centre, radius, level 0..1
        c, r, level = R(a[0]), a[1], a[2]
        out = [f'<path d="M{fmt(c[0] - r)} {fmt(c[1])} A{fmt(r)} {fmt(r)} 0 0 1 {fmt(c[0] + r)} {fmt(c[1])} Z" fill="#fff" stroke="{INK}" stroke-width="4" stroke-linejoin="round"/>']
        # filled low sector
        out.append(f'<path d="M{fmt(c[0])} {fmt(c[1])} L{fmt(c[0] - r + 4)} {fmt(c[1])} A{fmt(r - 4)} {fmt(r - 4)} 0 0 1 '
                   f'{fmt(c[0] + (r - 4) * math.cos(math.radians(180 - 60)))} {fmt(c[1] - (r - 4) * math.sin(math.radians(180 - 60)))} Z" fill="#ccc"/>')
        ang = 180 - 180 * level
        out.append(_line([c, add(c, vec(ang, r * 0.8))], color=INK, width=5))
        out.append(_circle(c, 5, fill=INK, stroke=INK, width=1))
        return out
    if kind == "metronome":  # centre-bottom point, height
        c, h = R(a[0]), a[1] if len(a) > 1 else 60
        w = h * 0.6
        body = [(c[0] - w / 2, c[1]), (c[0] + w / 2, c[1]), (c[0] + w / 5, c[1] - h), (c[0] - w / 5, c[1] - h)]
        piv = (c[0], c[1] - h * 0.18)
        out = [_poly(body, fill="#fff", stroke=INK, width=4),
               _line([piv, add(piv, vec(75, h * 0.85))], color=INK, width=4),
               _circle(add(piv, vec(75, h * 0.55)), 5, fill=INK, stroke=INK, width=1)]
        for side in (1, -1):
            arc = arc_points(piv, h * 1.05, 90 + side * 14, 90 + side * 34, n=8)
            out.append(_line(arc, color=INK, width=3))
        return out
    if kind == "footprints":  # list of (x, y, lifted?) sole prints seen from the side as short bars
        out = []
        for q in a[0]:
            x, y = q[0], q[1]
            out.append(f'<ellipse cx="{fmt(x)}" cy="{fmt(y)}" rx="11" ry="5" fill="{INK}"/>')
        return out
    if kind == "target":  # a tender-point mark
        c = R(a[0])
        r = a[1] if len(a) > 1 else 9
        return [_circle(c, r, fill="#fff", stroke=INK, width=3), _circle(c, r * 0.35, fill=INK, stroke=INK, width=1)]
    if kind == "dot":
        c = R(a[0])
        r = a[1] if len(a) > 1 else 6
        return [_circle(c, r, fill=INK, stroke=INK, width=1)]
    if kind == "letters":  # ankle alphabet: an "A" traced as a dotted path near a point
        c = R(a[0])
        s = a[1] if len(a) > 1 else 1.0
        A = [(c[0] - 14 * s, c[1] + 18 * s), (c[0], c[1] - 18 * s), (c[0] + 14 * s, c[1] + 18 * s)]
        bar = [(c[0] - 8 * s, c[1] + 4 * s), (c[0] + 8 * s, c[1] + 4 * s)]
        return [_line(A, color=INK, width=4, dash="2 8"), _line(bar, color=INK, width=4, dash="2 8")]
    if kind == "pillow":  # centre, width, height
        c, w, h = R(a[0]), a[1], a[2]
        return [_rect(c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2, fill=PROP_FILL, rx=h / 2)]
    if kind == "ellipse":  # centre, rx, ry, colour, width, dash
        c, rx, ry = R(a[0]), a[1], a[2]
        col = a[3] if len(a) > 3 else PROP
        wd = a[4] if len(a) > 4 else PROP_W
        da = f' stroke-dasharray="{a[5]}"' if len(a) > 5 else ""
        return [f'<ellipse cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx)}" ry="{fmt(ry)}" fill="none" stroke="{col}" stroke-width="{fmt(wd)}"{da}/>']
    if kind == "curve":  # smooth curve through points: points, colour, width, dash
        pts_ = [R(q) for q in a[0]]
        col = a[1] if len(a) > 1 else PROP
        wd = a[2] if len(a) > 2 else PROP_W
        da = f' stroke-dasharray="{a[3]}"' if len(a) > 3 and a[3] else ""
        return [f'<path d="{_smooth(pts_)}" fill="none" stroke="{col}" stroke-width="{fmt(wd)}" stroke-linecap="round" stroke-linejoin="round"{da}/>']
    if kind == "bigfoot":  # close side view of a foot: heel x, floor y, length, arch lift (px), style
        return _bigfoot(*a)
    if kind == "placeholder":  # the neutral "no picture" drawing
        out = [f'<rect x="20" y="20" width="360" height="260" rx="18" fill="#fff" stroke="#888" stroke-width="6" stroke-dasharray="20 14"/>',
               f'<rect x="130" y="85" width="140" height="110" rx="10" fill="{PROP_FILL}" stroke="#888" stroke-width="6"/>',
               f'<path d="M138 186 L176 140 L200 166 L222 146 L262 186 Z" fill="#ccc" stroke="#888" stroke-width="5" stroke-linejoin="round"/>',
               _circle((238, 114), 12, fill="#ccc", stroke="#888", width=5)]
        return out
    if kind == "group":  # ("group", transform, [props]): props drawn inside a transformed group
        out = [f'<g transform="{a[0]}">']
        for q in a[1]:
            out += prop_svg(q, refs)
        return out + ["</g>"]
    if kind == "bigleg":  # ("bigleg", dorsiflexion, style)
        return _bigleg(*a)
    if kind == "bigsleeve":  # a compression sleeve over the big leg, ankle to below the knee
        outline = [(210, 100), (236, 156), (262, 210), (260, 222), (214, 228), (194, 198), (164, 174), (144, 144),
                   (138, 116)]
        out = [f'<path d="{_smooth(outline, True)}" fill="{SOFT_FILL}" stroke="{INK}" stroke-width="{LINE}" stroke-linejoin="round"/>']
        for (x0, y0), (x1, y1) in (((150, 136), (222, 126)), ((164, 164), (236, 156)), ((184, 190), (248, 184))):
            out.append(_line([(x0, y0), (x1, y1)], color=PROP, width=LINE))
        return out
    if kind == "hand":  # ("hand", wrist point, finger angle, thumb side, press, forearm-from point)
        wrist = R(a[0])
        arm_from = R(a[4]) if len(a) > 4 and a[4] is not None else None
        return _hand(wrist, a[1], a[2] if len(a) > 2 else 1, a[3] if len(a) > 3 else False, arm_from)
    if kind == "line":  # generic line: points, color, width, dash
        pts_ = [R(q) for q in a[0]]
        return [_line(pts_, color=a[1] if len(a) > 1 else PROP, width=a[2] if len(a) > 2 else PROP_W,
                      dash=a[3] if len(a) > 3 else None)]
    if kind == "board":  # a foot plate under the sole of figure a's near foot: ("board", fig, thickness, style)
        fig = refs.figs[a[0]]
        P = fig.points
        th = a[1] if len(a) > 1 else 10
        light = len(a) > 2 and a[2] == "ghost"
        heel, toe, ankle = P["heel_n"], P["toe_n"], P["ankle_n"]
        u = unit(sub(toe, heel))
        v = perp(u)
        if v[0] * (ankle[0] - heel[0]) + v[1] * (ankle[1] - heel[1]) > 0:
            v = mul(v, -1)
        off = mul(v, 4 * fig.scale + th / 2)
        a0, b0 = add(sub(heel, mul(u, 16)), off), add(add(toe, mul(u, 16)), off)
        return [_oriented_box(a0, b0, th / 2, rx=3, fill=GHOST_FAR if light else SOFT_FILL, stroke=GHOST if light else PROP, width=LINE)]
    if kind == "towelroll":  # a rolled towel seen end-on: centre, radius
        c, r = R(a[0]), a[1]
        spiral = [add(c, vec(ang, r * (0.15 + 0.55 * i / 16))) for i, ang in enumerate(range(0, 360 + 360 // 16, 360 // 16))]
        return [_circle(c, r, fill=SOFT_FILL, stroke=INK, width=LINE * 0.6), _line(spiral, color=INK, width=LINE * 0.5)]
    if kind == "tape":  # a strip of tape along points: points, width
        pts_ = [R(q) for q in a[0]]
        w = a[1] if len(a) > 1 else 16
        d = _smooth(pts_)
        return [f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="{fmt(w + 2 * LINE)}" stroke-linecap="round" stroke-linejoin="round"/>',
                f'<path d="{d}" fill="none" stroke="{PROP_FILL}" stroke-width="{fmt(w)}" stroke-linecap="round" stroke-linejoin="round"/>']
    if kind == "shoe":  # a big trainer seen from the outer side, toes right: heel x, floor y, length, heel height
        x, y, L = a[0], a[1], a[2]
        heel = a[3] if len(a) > 3 else 0.16

        def q(fx, fy):
            return (x + L * fx, y - L * fy)
        sole = [q(0.0, heel * 0.9), q(0.02, 0.0), q(0.3, 0.0), q(0.75, 0.0), q(0.93, 0.01), q(1.0, 0.05),
                q(0.98, 0.075), q(0.75, 0.06), q(0.4, heel * 0.62), q(0.05, heel)]
        upper = [q(0.03, heel * 0.9), q(0.4, heel * 0.6), q(0.75, 0.06), q(0.97, 0.07), q(0.97, 0.12), q(0.88, 0.17),
                 q(0.66, 0.24), q(0.46, 0.35), q(0.4, 0.42), q(0.33, 0.38), q(0.2, 0.34), q(0.1, 0.4), q(0.02, 0.42),
                 q(-0.03, 0.3)]
        out = [f'<path d="{_smooth(upper, True)}" fill="{BODY_FILL}" stroke="{INK}" stroke-width="{LINE}" stroke-linejoin="round"/>',
               f'<path d="{_smooth(sole, True)}" fill="{SOFT_FILL}" stroke="{INK}" stroke-width="{LINE}" stroke-linejoin="round"/>',
               _line([q(0.02, 0.36), q(0.14, 0.3), q(0.2, heel * 0.9)], color=INK, width=LINE)]  # the heel counter
        for i in range(3):  # laces
            a0 = q(0.5 + 0.075 * i, 0.3 - 0.045 * i)
            out.append(_line([a0, add(a0, (L * 0.05, L * 0.045))], color=INK, width=LINE))
        return out
    if kind == "sandal":  # a flat flip-flop: heel x, floor y, length
        x, y, L = a
        return [_rect(x, y - L * 0.05, x + L, y, fill=SOFT_FILL, stroke=INK, rx=L * 0.025, width=LINE),
                _line([(x + L * 0.62, y - L * 0.05), (x + L * 0.5, y - L * 0.2), (x + L * 0.3, y - L * 0.06)], color=INK, width=LINE)]
    if kind == "bike":  # a bicycle: rear wheel centre, front wheel centre, saddle point, handlebar point, crank centre, r
        rw, fw, saddle, bar, crank, r = R(a[0]), R(a[1]), R(a[2]), R(a[3]), R(a[4]), a[5]
        out = [_circle(rw, r, fill="none", stroke=PROP, width=LINE), _circle(fw, r, fill="none", stroke=PROP, width=LINE)]
        head = lerp(bar, fw, 0.25)
        out.append(_line([rw, crank, lerp(saddle, crank, 0.2), rw], color=PROP, width=LINE))
        out.append(_line([lerp(saddle, crank, 0.2), head, crank], color=PROP, width=LINE))
        out.append(_line([saddle, lerp(saddle, crank, 0.2)], color=PROP, width=LINE))
        out.append(_line([head, bar], color=PROP, width=LINE))
        out.append(_line([head, fw], color=PROP, width=LINE))
        out.append(_line([add(saddle, (-10, 0)), add(saddle, (8, 0))], color=INK, width=LINE * 1.8))
        out.append(_circle(crank, 6, fill=PROP_FILL, stroke=PROP, width=LINE))
        return out
    if kind == "pool":  # water: x0, x1, surface y, bottom y
        x0, x1, top, bottom = a
        wave, x, up = [], x0, True
        while x <= x1 + 0.1:
            wave.append((x, top + (-3 if up else 3)))
            x += 14
            up = not up
        body = _smooth(wave) + f" L{fmt(x1)} {fmt(bottom)} L{fmt(x0)} {fmt(bottom)} Z"
        return [f'<path d="{body}" fill="{PROP_FILL}" stroke="none"/>',
                f'<path d="{_smooth(wave)}" fill="none" stroke="{PROP}" stroke-width="{LINE}" stroke-linecap="round"/>']
    if kind == "cloth":  # a folded cloth around a point: centre, w, h, angle
        c, w, h = R(a[0]), a[1], a[2]
        ang = a[3] if len(a) > 3 else 0
        return [f'<rect x="{fmt(-w / 2)}" y="{fmt(-h / 2)}" width="{fmt(w)}" height="{fmt(h)}" rx="6" fill="{PROP_FILL}" stroke="{PROP}" stroke-width="4" transform="translate({fmt(c[0])} {fmt(c[1])}) rotate({fmt(ang)})"/>']
    raise PoseError(f"unknown prop {kind}")


def _bigfoot(x, floor, length, arch, style="ink", toes_down=0.0, toes_up=0.0, leg=2.4):
    """A foot and lower leg seen from the inner side, heel at x, sole on floor y, toes to the right.
    `arch` lifts the arch (and draws the ball of the foot back a little: the 'short foot')."""
    L = length
    short = arch * 0.35
    ball = x + L * 0.74 - short
    toe = x + L
    h = L * 0.34  # ankle height
    y = floor - 3
    tdn = toes_down
    shape = [
        (x + L * 0.10, y - h * leg),  # back of the leg (Achilles)
        (x + L * 0.08, y - h * 0.9),
        (x, y - h * 0.35),  # heel
        (x + L * 0.07, y),
        (x + L * 0.22, y),
        (x + L * 0.45, y - 4 - arch),  # arch
        (ball - L * 0.04, y),
        (toe - L * 0.08, y + tdn * 0.3),
        (toe, y - L * 0.05 + tdn * 0.2),  # tip of the big toe
        (toe - L * 0.10, y - L * 0.12),
        (ball, y - L * 0.16),
        (x + L * 0.45, y - h * 0.85 - arch * 0.5),  # instep
        (x + L * 0.30, y - h * 1.25),
        (x + L * 0.30, y - h * leg),  # front of the shin
    ]
    if toes_up:  # toes bent up (extended) about the ball of the foot
        pivot = (ball - L * 0.02, y - L * 0.07)
        c, s_ = math.cos(math.radians(toes_up)), math.sin(math.radians(toes_up))
        for i in (7, 8, 9):
            dx, dy = shape[i][0] - pivot[0], shape[i][1] - pivot[1]
            shape[i] = (pivot[0] + dx * c + dy * s_, pivot[1] - dx * s_ + dy * c)
    if style == "ghost":
        return [f'<path d="{_smooth(shape)}" fill="none" stroke="{GHOST}" stroke-width="{LINE}" stroke-dasharray="12 9" stroke-linejoin="round"/>']
    return [f'<path d="{_smooth(shape)}" fill="url(#work)" stroke="{INK}" stroke-width="{LINE}" stroke-linejoin="round"/>']


# A close view of a sitting person's lower leg (knee bent, foot flat), toes to the right, calf on the left.
# Used for the self-massage drawings, where the hands on the calf are the point of the picture.
BIGLEG = dict(
    thigh=[(-10, 178), (118, 74)], knee=[(168, 58), (198, 88)], shin=[(230, 156), (256, 212)],
    foot=[(292, 230), (346, 248), (370, 256), (352, 260), (276, 260), (250, 255), (224, 260)],
    heel=[(208, 250), (214, 224)], calf=[(196, 196), (170, 172), (152, 146), (144, 120)],
    under=[(100, 150), (-10, 238)],
)
BIGLEG_HEEL = (224, 260)


def _bigleg(dorsi=0.0, style="ink"):
    """The leg outline; `dorsi` lifts the front of the foot (degrees) about the heel."""
    B = BIGLEG

    def rot(p):
        if not dorsi:
            return p
        c, s_ = math.cos(math.radians(dorsi)), math.sin(math.radians(dorsi))
        dx, dy = p[0] - BIGLEG_HEEL[0], p[1] - BIGLEG_HEEL[1]
        return (BIGLEG_HEEL[0] + dx * c + dy * s_, BIGLEG_HEEL[1] - dx * s_ + dy * c)

    foot = [rot(p) for p in B["foot"][:-1]] + [B["foot"][-1]]
    shin = [B["shin"][0], rot(B["shin"][1]) if dorsi else B["shin"][1]]
    first = B["thigh"] + B["knee"] + shin + foot + B["heel"] + B["calf"]
    d = _smooth(first) + " " + _smooth([first[-1]] + B["under"]).replace("M", "L", 1)
    if style == "ghost":
        return [f'<path d="{d}" fill="none" stroke="{GHOST}" stroke-width="{LINE}" stroke-dasharray="12 9" stroke-linejoin="round"/>']
    return [f'<path d="{d}" fill="url(#work)" stroke="{INK}" stroke-width="{LINE}" stroke-linejoin="round"/>']


def _hand(wrist, angle, thumb=1, press=False, arm_from=None):
    """A hand (mitten shape) at `wrist`, fingers pointing along `angle`, with its forearm coming from arm_from.
    `thumb` +1/-1 picks the side of the thumb; `press` draws the thumb pointing forwards, pressing."""
    out = []
    fill = BODY_FILL
    u = vec(angle)
    n = perp(u)
    if press:  # the point given is where the thumb tip presses
        wrist = sub(wrist, add(mul(u, 26 + 38 + 8), mul(n, 18 * thumb)))
    if arm_from is not None:
        a, b = arm_from, wrist
        v = unit(sub(b, a))
        m = perp(v)
        band = [add(a, mul(m, 19)), add(b, mul(m, 15)), add(b, mul(m, -15)), add(a, mul(m, -19))]
        out.append(_poly(band, fill=fill, stroke=INK, width=LINE))
    palm_c = add(wrist, mul(u, 26))
    ang = math.degrees(math.atan2(u[1], u[0]))
    if press:  # thumb stretched forwards past the fingers, its tip pressing
        base = add(palm_c, mul(n, 14 * thumb))
        tip = add(base, add(mul(u, 38), mul(n, 4 * thumb)))
        out.append(_oriented_box(base, tip, 11, rx=11, fill=fill, stroke=INK, width=LINE))
    else:
        tb = add(wrist, add(mul(u, 6), mul(n, 20 * thumb)))
        te = add(tb, add(mul(u, 22), mul(n, 8 * thumb)))
        out.append(_oriented_box(tb, te, 9, rx=9, fill=fill, stroke=INK, width=LINE))
    out.append(f'<rect x="-30" y="-21" width="60" height="42" rx="19" fill="{fill}" stroke="{INK}" stroke-width="{LINE}" '
               f'transform="translate({fmt(palm_c[0])} {fmt(palm_c[1])}) rotate({fmt(ang)})"/>')
    if arm_from is not None:  # cuff line between forearm and hand
        out.append(_line([add(wrist, mul(n, 15 - LINE / 2)), add(wrist, mul(n, -15 + LINE / 2))], color=fill, width=LINE * 2))
    return out


def _backpack(bot, top, n, s):
    u = unit(sub(top, bot))
    half = 16 * s
    centre_shift = 20 * s
    a, b = add(bot, mul(n, centre_shift)), add(top, mul(n, centre_shift))
    corners = [add(a, mul(n, -half)), add(a, mul(n, half)), add(b, mul(n, half)), add(b, mul(n, -half))]
    strap = [add(top, mul(n, 4 * s)), add(lerp(bot, top, 0.85), mul(n, -10 * s)), add(lerp(bot, top, 0.55), mul(n, -9 * s)),
             add(lerp(bot, top, 0.45), mul(n, 4 * s))]
    return (f'<path d="{path_d(corners, True)}" fill="#888" stroke="{PROP}" stroke-width="{PROP_W}" stroke-linejoin="round"/>'
            + _line(strap, color=PROP, width=4))


# ---------------------------------------------------------------------------------------------- panel digits
DIGITS = {
    "1": [[(-4, -9), (1, -13), (1, 13)]],
    "2": [[(-8, -7), (-5, -12), (0, -13), (6, -11), (8, -5), (6, 0), (-8, 13), (9, 13)]],
    "3": [[(-8, -11), (8, -12), (0, -2), (6, 0), (8, 6), (4, 12), (-3, 13), (-8, 10)]],
}


def digit_svg(ch, x, y, r=13):
    """A position number in a circle (labels never flip: see label_svg)."""
    k = r / 21
    out = [_circle((x, y), r, fill="#fff", stroke=INK, width=3)]
    for stroke in DIGITS[ch]:
        out.append(_line([(x + px * k, y + py * k) for px, py in stroke], color=INK, width=3.2))
    return out


def hold_svg():
    """The hold mark: an hourglass in a circle, centred on (0, 0)."""
    return [_circle((0, 0), 22, fill="#fff", stroke=INK, width=3.5),
            f'<path d="M-10 -13 L10 -13 L1.5 0 L10 13 L-10 13 L-1.5 0 Z" fill="#fff" stroke="{INK}" stroke-width="3.5" stroke-linejoin="round"/>',
            f'<path d="M-7 11 L7 11 L0 3 Z" fill="{INK}"/>', f'<path d="M-5 -9 L5 -9 L0 -3 Z" fill="{INK}"/>']


def mark_svg(kind: str) -> list[str]:
    """A tick ("yes") or a cross ("no") in a circle, centred on (0, 0)."""
    out = [_circle((0, 0), 20, fill="#fff", stroke=INK, width=3.5)]
    if kind == "yes":
        out.append(_line([(-10, 1), (-3, 9), (11, -9)], color=INK, width=5))
    else:
        out += [_line([(-8, -8), (8, 8)], color=INK, width=5), _line([(-8, 8), (8, -8)], color=INK, width=5)]
    return out


def label_svg(name: str, at, parts: list[str]) -> list[str]:
    """A label (position number, hold mark) drawn around (0, 0) and placed at `at`: the mirrored drawing moves it
    to the mirrored place but never flips it (see src/assets.rs)."""
    return [f'<g id="label-{name}" transform="translate({fmt(at[0])} {fmt(at[1])})">', *parts, "</g>"]


# ---------------------------------------------------------------------------------------------- drawing
def render_panel(panel: dict, refs: Refs, warnings: list[str], where: str, labels=None) -> list[str]:
    """The drawing of one panel; its labels (position numbers, the hold mark) go to `labels` as (name, point, svg)."""
    out: list[str] = []
    figs = []
    for name, spec in panel.get("figures", []):
        for key in ("work", "bare"):  # drawing-wide defaults
            if key in panel and key not in spec:
                spec = dict(spec, **{key: panel[key]})
        try:
            fig = Figure(name, spec, refs)
        except PoseError as e:
            raise PoseError(f"{where}: {e}") from e
        refs.figs[name] = fig
        figs.append(fig)
        warnings += [f"{where}: {w}" for w in fig.check()]
    for p in panel.get("props", []):
        out += prop_svg(p, refs)
    # ghost poses first, ink last
    order = sorted(figs, key=lambda f: 0 if f.style != "ink" else 1)
    inset_out = list(out)  # the magnified detail can leave out the START pose
    skip = set(panel.get("inset", {}).get("without", ()))
    zoom = panel.get("inset", {}).get("zoom", 1)
    for fig in order:
        part = fig.svg()
        zoomed = fig.svg(line_k=1.5 / zoom)  # the magnified detail keeps about the same line weight
        for p in panel.get("over_" + fig.name, []):
            part += prop_svg(p, refs)
            zoomed += prop_svg(p, refs)
        out += part
        if fig.name not in skip:
            inset_out += zoomed
    for p in panel.get("front", []):
        part = prop_svg(p, refs)
        out += part
        inset_out += part
    arrows = []
    for a in panel.get("arrows", []):
        arrows += make_arrow(a, refs)
    if labels is not None:
        for i, q in enumerate(panel.get("numbers", ())):  # position numbers: 1 by the START pose, 2 by the END
            if q is not None:
                labels.append((f"position-{i + 1}", refs.point(q), digit_svg(str(i + 1), 0, 0)))
        if "hold" in panel:
            labels.append(("hold", refs.point(panel["hold"]), hold_svg()))
        for i, (kind, q) in enumerate(panel.get("marks", ())):  # a tick or a cross in a circle
            labels.append((f"{kind}-{i + 1}", refs.point(q), mark_svg(kind)))
    if "inset" not in panel:
        return out + arrows
    # a magnified circular detail: the same drawing, zoomed on `focus`, shown in a circle at `at`
    ins = panel["inset"]
    fx, fy = refs.point(ins["focus"])
    cx, cy = ins["at"]
    z, r = ins["zoom"], ins["r"]
    clip = f"inset-{where.replace('[', '-').replace(']', '')}"

    def mapping(p):
        return ((p[0] - fx) * z + cx, (p[1] - fy) * z + cy)

    ring = r / z + 4
    u = unit(sub((cx, cy), (fx, fy)))
    res = list(out)
    res.append(_circle((fx, fy), ring, fill="none", stroke=PROP, width=3))
    res.append(_line([add((fx, fy), mul(u, ring)), sub((cx, cy), mul(u, r))], color=PROP, width=3))
    res += arrows
    res.append(f'<defs><clipPath id="{clip}"><circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}"/></clipPath></defs>')
    res.append(f'<g clip-path="url(#{clip})">')
    res.append(f'<rect x="{fmt(cx - r)}" y="{fmt(cy - r)}" width="{fmt(2 * r)}" height="{fmt(2 * r)}" fill="#fff"/>')
    res.append(f'<g transform="translate({fmt(cx - fx * z)} {fmt(cy - fy * z)}) scale({fmt(z)})">')
    res += inset_out
    res.append("</g>")
    for a in ins.get("arrows", []):
        res += make_arrow(a, refs, mapping)
    if labels is not None:
        for i, q in enumerate(ins.get("numbers", ())):  # numbers inside the magnified detail
            if q is not None:
                labels.append((f"position-{i + 1}", mapping(refs.point(q)), digit_svg(str(i + 1), 0, 0)))
    res.append("</g>")
    res.append(_circle((cx, cy), r, fill="none", stroke=PROP, width=4))
    return res


def render(ex_id: str, ex: dict, warnings: list[str]) -> str:
    body: list[str] = []
    labels: list[str] = []
    if "panels" in ex:
        n = len(ex["panels"])
        pw = W / n
        for i, panel in enumerate(ex["panels"]):
            panel = {**{k: ex[k] for k in ("work", "bare") if k in ex}, **panel}
            refs = Refs()
            body.append(f'<g transform="translate({fmt(i * pw)} 0)">')
            body += render_panel(panel, refs, warnings, f"{ex_id}[{i + 1}]")
            body.append("</g>")
            labels += label_svg(f"panel-{i + 1}", (i * pw + 26, 26), digit_svg(str(i + 1), 0, 0))
        for i in range(1, n):
            body.append(_line([(i * pw, 20), (i * pw, H - 20)], color="#888", width=3, dash="10 10"))
    else:
        found = []
        body += render_panel(ex, Refs(), warnings, ex_id, found)
        for name, q, parts in found:
            labels += label_svg(name, (W - q[0], q[1]) if ex.get("mirror") else q, parts)
    if ex.get("crop"):  # a close view: the leg and the forearms run on past the frame, cut at its edge
        body = [f'<defs><clipPath id="frame"><rect x="0" y="0" width="{W}" height="{H}"/></clipPath></defs>',
                '<g clip-path="url(#frame)">', *body, "</g>"]
    if ex.get("mirror"):  # drawn the other way round (so that the right leg works); labels never flip
        body = [f'<g transform="matrix(-1 0 0 1 {W} 0)">', *body, "</g>"]
    title = escape(ex["title"])
    desc = escape(ex.get("desc", ""))
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
        f"<title>{title}</title>",
        f"<desc>{desc}</desc>",
        f'<rect x="0" y="0" width="{W}" height="{H}" fill="#fff"/>',
        '<g id="drawing">',
        WORK_PATTERN,
        *body,
        "</g>",
        '<g id="labels">',
        *labels,
        "</g>",
        "</svg>",
        "",
    ])


FORBIDDEN = ("<script", "class=", "style=", "href", "<text", "<image", "<style", "url(http", "@import")


def validate(ex_id: str, svg: str) -> list[str]:
    """Standalone SVG 1.1 for usvg/resvg: well-formed, namespaced, titled, no scripts, CSS, text or links."""
    import xml.etree.ElementTree as ET

    problems = []
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as e:
        return [f"{ex_id}: not well-formed XML: {e}"]
    ns = "{http://www.w3.org/2000/svg}"
    if root.tag != ns + "svg":
        problems.append(f"{ex_id}: root is not an SVG element in the SVG namespace")
    if (root.get("width"), root.get("height"), root.get("viewBox")) != (str(W), str(H), f"0 0 {W} {H}"):
        problems.append(f"{ex_id}: wrong size or viewBox")
    for tag in ("title", "desc"):
        el = root.find(ns + tag)
        if el is None or not (el.text or "").strip():
            problems.append(f"{ex_id}: no <{tag}>")
    for bad in FORBIDDEN:
        if bad in svg:
            problems.append(f"{ex_id}: contains {bad!r}")
    import re
    for colour in sorted(set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]+)"', svg)) - PALETTE):
        problems.append(f"{ex_id}: colour {colour} is not in the palette")
    return problems

# ---------------------------------------------------------------------------------------------- contact sheet
SHEET_BIG = 140    # px wide: the detailed card picture (35 mm)
SHEET_SMALL = 80   # px wide: the compact card picture (20 mm)


def contact_sheet(folder: str, columns: int = 5) -> str:
    """One SVG with every drawing in `folder` at both print sizes, its id under it (for review only: it uses
    <text>, which the drawings themselves never do)."""
    import re

    names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".svg"))
    pad, label = 10, 16
    big_h, small_h = SHEET_BIG * H / W, SHEET_SMALL * H / W
    cell_w, cell_h = SHEET_BIG + SHEET_SMALL + 3 * pad, big_h + label + 2 * pad
    rows = (len(names) + columns - 1) // columns
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{fmt(columns * cell_w)}" '
           f'height="{fmt(rows * cell_h)}" viewBox="0 0 {fmt(columns * cell_w)} {fmt(rows * cell_h)}">',
           '<title>Every exercise drawing at print size (35 mm and 20 mm wide)</title>',
           f'<rect x="0" y="0" width="{fmt(columns * cell_w)}" height="{fmt(rows * cell_h)}" fill="#fff"/>']
    for i, name in enumerate(names):
        with open(os.path.join(folder, name + ".svg"), encoding="utf-8") as f:
            svg = f.read()
        start = svg.index(">", svg.index("<svg")) + 1
        inner = svg[start:svg.rindex("</svg>")]
        inner = re.sub(r"<title>.*?</title>|<desc>.*?</desc>", "", inner, flags=re.S)
        inner = inner.replace('id="', f'id="s{i}-').replace("url(#", f"url(#s{i}-")
        x0, y0 = (i % columns) * cell_w, (i // columns) * cell_h
        for x, w, h in ((x0 + pad, SHEET_BIG, big_h), (x0 + 2 * pad + SHEET_BIG, SHEET_SMALL, small_h)):
            out.append(f'<svg x="{fmt(x)}" y="{fmt(y0 + pad)}" width="{fmt(w)}" height="{fmt(h)}" viewBox="0 0 {W} {H}">'
                       f'{inner}</svg>')
            out.append(f'<rect x="{fmt(x)}" y="{fmt(y0 + pad)}" width="{fmt(w)}" height="{fmt(h)}" fill="none" '
                       'stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{fmt(x0 + pad)}" y="{fmt(y0 + pad + big_h + label - 3)}" font-family="sans-serif" '
                   f'font-size="12" fill="#000">{escape(name)}</text>')
    out += ["</svg>", ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    from exercises import EXERCISES  # the pose data

    if "--contact-sheet" in argv:  # --contact-sheet [OUT.svg] [--from FOLDER]: every drawing on one sheet
        rest = argv[argv.index("--contact-sheet") + 1:]
        target = rest[0] if rest and not rest[0].startswith("--") else os.path.join(HERE, "contact-sheet.svg")
        folder = argv[argv.index("--from") + 1] if "--from" in argv else OUT_DIR
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(contact_sheet(folder))
        print(f"contact sheet written to {os.path.relpath(target)}")
        return 0
    check_only = "--check" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    unknown = [w for w in wanted if w not in EXERCISES]
    if unknown:
        print("unknown ids: " + ", ".join(unknown), file=sys.stderr)
        return 2
    warnings: list[str] = []
    written = 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for ex_id, ex in EXERCISES.items():
        if wanted and ex_id not in wanted:
            continue
        try:
            svg = render(ex_id, ex, warnings)
        except PoseError as e:
            warnings.append(str(e))
            continue
        warnings += validate(ex_id, svg)
        if not check_only:
            with open(os.path.join(OUT_DIR, ex_id + ".svg"), "w", encoding="utf-8", newline="\n") as f:
                f.write(svg)
            written += 1
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    if "--joints" in argv:  # debugging aid: print every joint of the chosen drawings
        for ex_id in wanted:
            refs = Refs()
            ex = EXERCISES[ex_id]
            for panel in ex.get("panels", [ex]):
                for name, spec in panel.get("figures", []):
                    try:
                        fig = Figure(name, spec, refs)
                    except PoseError as e:
                        print(e)
                        continue
                    refs.figs[name] = fig
                    print(ex_id, name, " ".join(f"{k}=({v[0]:.0f},{v[1]:.0f})" for k, v in fig.points.items()))
    print(f"{written} drawings written to {os.path.relpath(OUT_DIR)}" if not check_only else "checked")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
