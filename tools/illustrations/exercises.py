"""Pose data for every drawing: generate.py turns each entry into assets/illustrations/<id>.svg.

Angles are in degrees in the figure's own frame: 0 = forward (the way its toes point), 90 = up, -90 = down,
180 = backward.  A pose is a dict:

    at      (joint, x, y)      put this joint at (x, y) (joint must be angle-posed, not "reach")
    ground  y                  then slide the figure vertically so its lowest part rests on the line y
    flip    True               face left instead of right
    scale   0.8                body size (1 = about 232 px tall standing)
    style   "ghost"            START pose in light grey ("ink", the default, is the END pose)
    trunk, head                segment directions (head defaults to the trunk's)
    curve   px                 round the back (slump) by this much
    arm_n / arm_f              near / far arm: (upper arm, forearm) or {"reach": point}
    leg_n / leg_f              near / far leg: (thigh, shin, foot[, toes]) or
                               {"heel"|"ball"|"toe"|"ankle": point, "foot": angle[, "toes": angle]}
                               (far limbs copy the near ones when omitted; foot None = no foot drawn)
    hide    ["arm_f", ...]     limbs not drawn
    points  {joint: point}     explicit joint positions (foreshortened views; add check=False)

Points are (x, y), "figure.joint" (joints: hip shoulder head elbow_n wrist_n knee_n ankle_n heel_n ball_n
toe_n and the same with _f) or ("figure.joint", dx, dy) or ("mid", point, point, t).

An entry has a title, figures [(name, pose), ...] (drawn in order: later figures may refer to earlier
ones), props (drawn behind the figures), front (props drawn over the figures), arrows, an optional inset
(a magnified circle), or instead "panels": [entry, entry] for numbered side-by-side panels.  Props are
listed in generate.py (prop_svg).  Arrows: {"from": p, "to": p, "bend": px, "both": bool, "gap": px},
{"arc": centre, "r": px, "a0": deg, "a1": deg[, "ry": px]}, {"hops": p, "n", "step", "height"} or
{"wave": [points]}.
"""

LINE_W = 3.5  # the line weight of a rope or a strap drawn as a curve
GAP = 5  # a sole sits this far above the surface line (half the sole stroke + half the floor stroke)
FLOOR = 262  # the floor line for full-size figures
S = 0.72  # scale for figures standing on a step
STEP_TOP = 214
STEP_FLOOR = 280
SOLE = FLOOR - GAP

# A seated figure (scale 1) whose knees are bent to a right angle and feet flat: hip height above the floor.
SIT_H = GAP + 4 + 58  # sole gap + ankle height + shin
SEAT_HIP_Y = FLOOR - SIT_H
SEAT_TOP = SEAT_HIP_Y + 6


def pose(base, **changes):
    out = dict(base)
    out.update(changes)
    return out


def chair(x0, back="left", width=80, seat=SEAT_TOP, floor=FLOOR):
    return ("chair", x0, x0 + width, seat, floor, back)


def wall(x, side="right", top=16, floor=FLOOR):
    return ("wall", x, top, floor, side)


# ----------------------------------------------------------------------------------- standing on a step
RAIL_X = 133
RAIL_Y = 112


def step_scene(start_leg, end_leg, far_leg=None, trunk=90, show_start_in_inset=True, heel_arrow="up",
               extra_props=(), front=(), near_arm=None, far_arm=None, extra_arrows=(), start=True):
    """Balls of the foot on the edge of the bottom stair, hands on the rail; a magnified circle shows
    the foot on the step edge.  start_leg/end_leg: (thigh, shin, foot, toes)."""
    ball = (105, STEP_TOP - GAP * 0.8)
    hand = {"reach": (RAIL_X - 5, RAIL_Y + 2)}
    base = dict(scale=S, trunk=trunk, arm_n=near_arm or hand, arm_f=far_arm or hand)
    if far_leg:
        base["leg_f"] = far_leg
    figures = []
    if start:
        figures.append(("start", pose(base, style="ghost", at=("ball_n", *ball), leg_n=start_leg)))
    figures.append(("end", pose(base, at=("ball_n", *ball), leg_n=end_leg)))
    src, dst = ("start", "end") if start else ("end", "end")
    if heel_arrow == "down":
        arr = [{"from": (f"{src}.heel_n", -10, -6), "to": (f"{dst}.heel_n", -9, 4), "bend": 6}]
    elif heel_arrow == "up":
        arr = [{"from": (f"{src}.heel_n", -9, 5), "to": (f"{dst}.heel_n", -10, -6), "bend": -6}]
    elif heel_arrow == "still-down":
        arr = [{"from": ("end.heel_n", -6, -26), "to": ("end.heel_n", -5, 6), "bend": 3}]
    else:
        arr = []
    return dict(
        props=[("floor", STEP_FLOOR), ("step", 100, 250, STEP_TOP, STEP_FLOOR),
               ("bar", [(RAIL_X, STEP_TOP), (RAIL_X, RAIL_Y), (215, RAIL_Y)], 7), *extra_props],
        figures=figures,
        front=list(front),
        arrows=list(extra_arrows),
        inset=dict(focus=("end.ball_n", -8, -2), at=(300, 112), r=92, zoom=2.4,
                   without=[] if show_start_in_inset else ["start"], arrows=arr,
                   numbers=[("start.heel_n", -21, 0), ("end.heel_n", -21, 0)] if start and show_start_in_inset else []),
    )


STRAIGHT = (-90, -90)
BENT = (-70, -106)
FAR_UP = (-100, -160, -80)  # the other foot lifted behind


def heel_drop(knee_bent: bool):
    thigh, shin = BENT if knee_bent else STRAIGHT
    return step_scene(start_leg=(thigh, shin, -40, 0), end_leg=(thigh, shin, 24 if knee_bent else 30, 0),
                      far_leg=FAR_UP, trunk=92 if knee_bent else 90, heel_arrow="down")


EXERCISES = {}

# =================================================================================== calf strength
EXERCISES["eccentric-heel-drop-straight-knee"] = dict(title="Eccentric heel drop (knee straight)", **heel_drop(False))
EXERCISES["eccentric-heel-drop-bent-knee"] = dict(title="Eccentric heel drop (knee bent)", **heel_drop(True))

WALL_X = 252  # a wall in front of a standing figure (fingertips resting on it)
STAND = dict(trunk=90, leg_n=(-90, -90, 0))
FINGERTIPS = {"reach": ("x", WALL_X - 4, ("self.shoulder", 0, 44))}


def standing(ball_x=198, foot=0, far=None, **kw):
    p = dict(STAND, at=("ball_n", ball_x, SOLE), arm_n=FINGERTIPS, arm_f=FINGERTIPS,
             leg_n=(-90, -90, foot, 0))
    if far:
        p["leg_f"] = far
    p.update(kw)
    return p


FAR_UP_FLOOR = (-100, -165, -85)
HEEL_UP = [{"from": ("start.heel_n", -24, 2), "to": ("start.heel_n", -24, -52)}]
HEEL_DOWN = [{"from": ("start.heel_n", -24, -40), "to": ("y", FLOOR - 6, ("start.heel_n", -24, 0))}]

EXERCISES["eccentric-heel-drop-floor"] = dict(
    title="Eccentric heel drop on the floor (to floor level only)",
    props=[("floor", FLOOR), wall(WALL_X)],
    figures=[("start", standing(foot=-42, far=FAR_UP_FLOOR, style="ghost")),
             ("end", standing(foot=0, far=FAR_UP_FLOOR))],
    arrows=HEEL_DOWN,
)

EXERCISES["heel-raise-double-leg-floor"] = dict(
    title="Heel raise on both legs (floor)",
    props=[("floor", FLOOR), wall(WALL_X)],
    figures=[("start", standing(style="ghost")), ("end", standing(foot=-42))],
    arrows=HEEL_UP,
)

EXERCISES["heel-raise-single-leg-floor"] = dict(
    title="Single-leg heel raise (floor)",
    props=[("floor", FLOOR), wall(WALL_X)],
    figures=[("start", standing(far=FAR_UP_FLOOR, style="ghost")), ("end", standing(foot=-42, far=FAR_UP_FLOOR))],
    arrows=HEEL_UP,
)

EXERCISES["heel-raise-double-leg-step"] = dict(
    title="Heel raise on both legs (on a step)",
    **step_scene(start_leg=(-90, -90, 28, 0), end_leg=(-90, -90, -40, 0)))

EXERCISES["heel-raise-single-leg-step"] = dict(
    title="Single-leg heel raise (on a step)",
    **step_scene(start_leg=(-90, -90, 28, 0), end_leg=(-90, -90, -40, 0), far_leg=FAR_UP))

EXERCISES["heel-raise-single-leg-weighted"] = dict(
    title="Single-leg heel raise with weight (on a step)",
    **step_scene(start_leg=(-90, -90, 28, 0), end_leg=(-90, -90, -40, 0), far_leg=FAR_UP,
                 front=[("backpack", "end")]))

EXERCISES["heavy-slow-heel-raise-standing"] = dict(
    title="Heavy slow heel raise, standing (knee straight)",
    **step_scene(start_leg=(-90, -90, 28, 0), end_leg=(-90, -90, -40, 0),
                 near_arm=(-88, -88), far_arm=(-92, -92),
                 front=[("dumbbell", ("end.wrist_n", 0, 8), 1.25)],
                 extra_props=[("clock", (40, 44), 24)]))


HANDS_ON_KNEES = {"reach": ("self.knee_n", -12, -8)}


def seated(**changes):
    base = dict(trunk=92, at=("hip", 100, SEAT_HIP_Y), arm_n=HANDS_ON_KNEES, leg_n=(0, -90, 0))
    base.update(changes)
    return base



EXERCISES["heel-raise-seated"] = dict(
    title="Seated heel raise (soleus)",
    props=[("floor", FLOOR), chair(40)],
    figures=[
        ("start", seated(style="ghost")),
        ("end", seated(leg_n={"ball": "start.ball_n", "foot": -40, "toes": 0})),
    ],
    arrows=[{"from": ("start.heel_n", -18, 4), "to": ("start.heel_n", -18, -44)}],
)

EXERCISES["heel-raise-seated-weighted"] = dict(
    title="Seated heel raise with weight (soleus)",
    props=[("floor", FLOOR), chair(40)],
    figures=[
        ("start", seated(style="ghost", arm_n={"reach": (140, SEAT_HIP_Y - 30)})),
        ("end", seated(leg_n={"ball": "start.ball_n", "foot": -40, "toes": 0},
                       arm_n={"reach": (140, SEAT_HIP_Y - 44)})),
    ],
    over_start=[("block", ("start.knee_n", -22, -5), 38, 26)],
    over_end=[("block", ("end.knee_n", -22, -5), 38, 26)],
    arrows=[{"from": ("start.heel_n", -18, 4), "to": ("start.heel_n", -18, -44)}],
)

BENCH_BLOCK = 24  # height of the block under the balls of the feet
HSR_HIP_Y = FLOOR - SIT_H - BENCH_BLOCK

EXERCISES["heavy-slow-heel-raise-seated"] = dict(
    title="Heavy slow heel raise, seated (knee bent)",
    props=[("floor", FLOOR), ("bench", 40, 140, HSR_HIP_Y + 6, FLOOR),
           ("step", 178, 232, FLOOR - BENCH_BLOCK, FLOOR), ("clock", (360, 44), 24)],
    figures=[
        ("start", dict(style="ghost", trunk=92, at=("hip", 110, HSR_HIP_Y), arm_n={"reach": (150, HSR_HIP_Y - 36)},
                       leg_n={"ball": (186, FLOOR - BENCH_BLOCK - GAP), "foot": 26, "toes": 0})),
        ("end", dict(trunk=92, at=("hip", 110, HSR_HIP_Y), arm_n={"reach": (150, HSR_HIP_Y - 56)},
                     leg_n={"ball": (186, FLOOR - BENCH_BLOCK - GAP), "foot": -38, "toes": 0})),
    ],
    over_start=[("plate", ("start.knee_n", -14, -26), 24)],
    over_end=[("plate", ("end.knee_n", -14, -26), 24)],
    arrows=[{"from": ("start.heel_n", -18, 4), "to": ("start.heel_n", -18, -44)}],
)

EXERCISES["quick-rebounding-heel-raise"] = dict(
    title="Quick rebounding heel raise",
    props=[("floor", FLOOR), wall(WALL_X)],
    figures=[("start", standing(foot=-6, style="ghost")), ("end", standing(foot=-42))],
    arrows=[{"hops": ("start.heel_n", -120, 0), "n": 3, "step": 32, "height": 22}],
)

TOE_WALL = 60
EXERCISES["toe-raise"] = dict(
    title="Toe raise (lifting the front of the foot)",
    props=[("floor", FLOOR), wall(TOE_WALL, side="left")],
    figures=[
        ("start", dict(style="ghost", trunk=90, head=84, at=("hip", TOE_WALL + 13, FLOOR - 115), arm_n=(-80, -50),
                       leg_n={"heel": (TOE_WALL + 52, SOLE), "foot": 0})),
        ("end", dict(trunk=90, head=84, at=("hip", TOE_WALL + 13, FLOOR - 115), arm_n=(-80, -50),
                     leg_n={"heel": (TOE_WALL + 52, SOLE), "foot": 28})),
    ],
    inset=dict(focus=("start.heel_n", 20, -14), at=(290, 118), r=92, zoom=2.0,
               arrows=[{"arc": ("start.heel_n", 0, 0), "r": 40, "a0": 6, "a1": 56}]),
)

# =================================================================================== stretches
EXERCISES["gastrocnemius-stretch-wall"] = dict(
    title="Calf stretch against a wall (knee straight)",
    props=[("floor", FLOOR), wall(244)],
    figures=[
        ("end", dict(trunk=70, at=("heel_n", 80, SOLE), leg_n=(-116, -116, 0),
                     leg_f={"heel": (175, SOLE), "foot": 0},
                     arm_n={"reach": (241, 76)}, arm_f={"reach": (241, 84)})),
    ],
    arrows=[{"from": ("end.hip", 16, 0), "to": ("end.hip", 64, -4)}],
)

EXERCISES["soleus-stretch-wall"] = dict(
    title="Calf stretch against a wall (knee bent, soleus)",
    props=[("floor", FLOOR), wall(234)],
    figures=[
        ("end", dict(trunk=70, at=("heel_n", 118, SOLE), leg_n=(-66, -124, 0),
                     leg_f={"heel": (180, SOLE), "foot": 0},
                     arm_n={"reach": (231, 104)}, arm_f={"reach": (231, 110)})),
    ],
    arrows=[{"from": ("end.hip", -16, -10), "to": ("end.hip", -16, 30)}],
)

EXERCISES["calf-stretch-step"] = dict(
    title="Calf stretch on a step (heels hanging off)",
    **step_scene(start_leg=None, end_leg=(-90, -90, 28, 0), start=False, heel_arrow="still-down",
                 ))

FLOOR_SIT_Y = FLOOR - 9  # hip height of a figure sitting on the floor

EXERCISES["towel-calf-stretch"] = dict(
    title="Calf stretch with a towel (sitting)",
    props=[("floor", FLOOR)],
    figures=[("end", dict(scale=1.15, trunk=96, head=88, at=("hip", 70, FLOOR - 10), leg_n=(0, 0, 112),
                          arm_n={"reach": ("self.shoulder", 46, 24)}, arm_f={"reach": ("self.shoulder", 44, 28)}))],
    over_end=[("strap", ["end.wrist_n", ("end.toe_n", 2, -8), ("end.toe_n", 9, 0), ("end.ball_n", 8, 6)], 8)],
    arrows=[{"from": ("end.wrist_n", 30, -30), "to": ("end.wrist_n", -14, -42), "bend": 4}],
)

EXERCISES["dynamic-calf-stretch"] = dict(
    title="Dynamic calf stretch (moving)",
    props=[("floor", FLOOR), wall(244)],
    figures=[
        ("start", dict(style="ghost", trunk=72, at=("hip", 147, 142), leg_n={"ball": (104, SOLE), "foot": -40, "toes": 0},
                       leg_f={"heel": (175, SOLE), "foot": 0},
                       arm_n={"reach": (241, 76)}, arm_f={"reach": (241, 84)})),
        ("end", dict(trunk=70, at=("heel_n", 80, SOLE), leg_n=(-116, -116, 0),
                     leg_f={"heel": (175, SOLE), "foot": 0},
                     arm_n={"reach": (241, 76)}, arm_f={"reach": (241, 84)})),
    ],
    arrows=[{"from": ("end.heel_n", -22, 2), "to": ("end.heel_n", -22, -46), "both": True}],
)

# A close view: the ankle resting on the other knee, the hand pulling the toes back towards the shin.
# The foot is drawn upright and the group turned a quarter to the left: leg from the left, toes up, sole right.
EXERCISES["plantar-fascia-stretch"] = dict(
    title="Plantar fascia stretch (sitting, toes pulled back)",
    props=[("line", [(-30, 282), (262, 276)], "#000", 36), ("line", [(-30, 282), (262, 276)], "#ccc", 29),
           ("group", "translate(20 -42) rotate(-90 200 200)",
            [("bigfoot", 90, 262, 190, 10, "ink", 0, 42, 4.2), ("line", [(112, 252), (214, 252)], "#555", 5, "3 11")])],
    front=[("hand", (308, 120), 136, 1, False, (420, 176))],
    arrows=[{"arc": (262, 126), "r": 96, "a0": 46, "a1": 120}],
)

# =================================================================================== soft tissue
def calf(t, back, fig="self"):
    """A point behind the shin (on the calf) of `fig`: t from the knee (0) to the ankle (1)."""
    return ("calfpt", fig, t, back)


# The self-massage drawings are close views of the bent leg (sitting, foot flat) with the hands on the calf.
# ("hand", wrist, finger direction, thumb side, thumb pressing (then the point is the thumb tip), forearm from)
EXERCISES["self-massage-stroking"] = dict(
    title="Self-massage: stroking (effleurage)",
    props=[("floor", FLOOR), ("bigleg",)],
    front=[("hand", (160, 222), -20, 1, False, (-10, 60))],
    arrows=[{"from": (206, 182), "to": (168, 104), "bend": -4}],
)

EXERCISES["self-massage-kneading"] = dict(
    title="Self-massage: kneading (petrissage)",
    props=[("floor", FLOOR), ("bigleg",)],
    front=[("hand", (118, 178), -24, 1, False, (-10, 40))],
    arrows=[{"arc": (186, 132), "r": 16, "a0": 200, "a1": 500}, {"arc": (208, 180), "r": 16, "a0": 200, "a1": 500}],
)

EXERCISES["self-massage-stripping"] = dict(
    title="Self-massage: stripping (deep stroke along the calf)",
    props=[("floor", FLOOR), ("bigleg",), ("line", [(196, 204), (160, 120)], "#555", 5, "2 11")],
    front=[("hand", (196, 206), 50, -1, True, (-10, 150))],
    arrows=[{"from": (224, 170), "to": (190, 96), "bend": -3}],
)

EXERCISES["sustained-pressure-tender-point"] = dict(
    title="Sustained pressure on a tender point",
    props=[("floor", FLOOR), ("bigleg",)],
    front=[("hand", (172, 154), 10, -1, True, (-10, 110)), ("target", (172, 154), 9)],
)

EXERCISES["soleus-pressure-active-ankle"] = dict(
    title="Soleus pressure with ankle movement",
    props=[("floor", FLOOR), ("bigleg", 24, "ghost"), ("bigleg",)],
    front=[("hand", (222, 204), 40, -1, True, (-10, 160))],
    arrows=[{"from": (382, 238), "to": (362, 174), "bend": -8, "both": True}],
)

EXERCISES["foam-roll-calf"] = dict(
    title="Foam rolling the calf",
    props=[("floor", FLOOR), ("roller", (222, FLOOR - 22), 20)],
    figures=[("end", dict(scale=1.1, trunk=140, head=116, at=(calf(0.55, 26), 222, FLOOR - 22), leg_n=(4, 4, 94),
                          leg_f={"heel": ("y", SOLE, ("self.hip", 40, 0)), "foot": 0},
                          arm_n={"reach": ("y", FLOOR - 5, ("self.shoulder", -18, 0))},
                          arm_f={"reach": ("y", FLOOR - 5, ("self.shoulder", -22, 0))}))],
    arrows=[{"from": ("end.knee_n", 4, -30), "to": ("end.ankle_n", -12, -30), "both": True}],
    inset=dict(focus=(222, FLOOR - 30), at=(330, 78), r=64, zoom=1.8),
)

EXERCISES["trigger-point-ball-calf"] = dict(
    title="Trigger point release with a massage ball (calf)",
    props=[("floor", FLOOR), ("ball", (215, FLOOR - 14), 12)],
    figures=[("end", dict(scale=1.1, trunk=122, head=105, at=(calf(0.5, 17), 215, FLOOR - 14), leg_n=(10, 10, 100),
                          leg_f=(10, 10, 100),
                          arm_n={"reach": ("y", FLOOR - 5, ("self.shoulder", -18, 0))},
                          arm_f={"reach": ("y", FLOOR - 5, ("self.shoulder", -22, 0))}))],
    arrows=[{"from": (215, FLOOR - 92), "to": (215, FLOOR - 50)}],
    inset=dict(focus=(215, FLOOR - 22), at=(330, 78), r=64, zoom=2.2),
)

# =================================================================================== mobility
LEG_OUT = (0, -22, 68)  # seated, the working leg stretched out with the foot off the floor

EXERCISES["ankle-alphabet"] = dict(
    title="Ankle alphabet",
    props=[("floor", FLOOR), chair(40)],
    figures=[("end", seated(leg_n=LEG_OUT, leg_f=(0, -90, 0), arm_n=HANDS_ON_KNEES))],
    front=[("letters", ("end.toe_n", 26, -34), 1.3)],
    arrows=[],
)

EXERCISES["ankle-circles"] = dict(
    title="Ankle circles",
    props=[("floor", FLOOR), chair(40)],
    figures=[("end", seated(leg_n=LEG_OUT, leg_f=(0, -90, 0), arm_n=HANDS_ON_KNEES))],
    arrows=[{"arc": ("end.ball_n", 4, -2), "r": 30, "ry": 30, "a0": 110, "a1": 420}],
)

KW_WALL = 300
KW_BACK = {"ball": (209, SOLE), "foot": -55, "toes": 0}
KW_HANDS = {"reach": ("x", KW_WALL - 4, ("self.shoulder", 0, 14))}
EXERCISES["knee-to-wall-dorsiflexion"] = dict(
    title="Knee to wall (ankle bend)",
    props=[("floor", FLOOR), wall(KW_WALL)],
    figures=[
        ("start", dict(style="ghost", trunk=86, at=("heel_n", 252, SOLE), leg_n=(-78, -98, 0), leg_f=KW_BACK,
                       arm_n=KW_HANDS, arm_f=KW_HANDS)),
        ("end", dict(trunk=80, at=("hip", 265, 155), leg_n={"heel": (252, SOLE), "foot": 0}, leg_f=KW_BACK,
                     arm_n=KW_HANDS, arm_f=KW_HANDS)),
    ],
    arrows=[{"arc": ("end.ankle_n", 0, 0), "r": 100, "a0": 88, "a1": 54}],
)

# =================================================================================== neural mobility
EXERCISES["slump-slider"] = dict(
    title="Slump slider (nerve glide, sitting)",
    props=[("floor", FLOOR), chair(40)],
    figures=[
        ("start", seated(style="ghost", trunk=78, curve=10, head=20, leg_n=(0, -100, -40),
                         arm_n={"reach": (150, SEAT_HIP_Y - 10)})),
        ("end", seated(trunk=78, curve=10, head=110, leg_n=(0, -8, 96), leg_f=(0, -90, 0),
                       arm_n={"reach": (150, SEAT_HIP_Y - 10)})),
    ],
    arrows=[{"arc": ("end.knee_n", 0, 0), "r": 74, "a0": -84, "a1": -22},
            {"arc": ("end.shoulder", 0, 0), "r": 40, "a0": 30, "a1": 100}],
)

EXERCISES["slump-tensioner"] = dict(
    title="Slump tensioner (nerve tension, sitting)",
    props=[("floor", FLOOR), chair(40)],
    figures=[
        ("start", seated(style="ghost", trunk=78, curve=10, head=20, leg_n=(0, -94, 0),
                         arm_n={"reach": (150, SEAT_HIP_Y - 10)})),
        ("end", seated(trunk=78, curve=10, head=20, leg_n=(0, -8, 108), leg_f=(0, -90, 0),
                       arm_n={"reach": (150, SEAT_HIP_Y - 10)})),
    ],
    arrows=[{"arc": ("end.knee_n", 0, 0), "r": 74, "a0": -84, "a1": -22}],
)

# ----------------------------------------------------------------------------------- lying on the back
KL = 1.15  # lying figures are drawn a little larger
LIE_Y = FLOOR - 13  # trunk line of a figure lying on its back (the head rests on the floor)
LIE_SHOULDER = (74, LIE_Y)
ARMS_DOWN = (-4, 0)  # arms resting on the floor along the body


def supine(**kw):
    p = dict(scale=KL, trunk=180, head=176, at=("shoulder", *LIE_SHOULDER), arm_n=ARMS_DOWN, arm_f=ARMS_DOWN,
             nohalo=["arm_n"])
    p.update(kw)
    return p


EXERCISES["ankle-pumps"] = dict(
    title="Ankle pumps (foot up and down)",
    props=[("floor", FLOOR)],
    figures=[("start", supine(style="ghost", leg_n=(0, 0, 40))), ("end", supine(leg_n=(0, 0, 112)))],
    inset=dict(focus=("end.ankle_n", 4, -14), at=(296, 104), r=90, zoom=2.3,
               arrows=[{"arc": ("end.ankle_n", 0, 0), "r": 33, "a0": 30, "a1": 114, "both": True}]),
)

BRIDGE_HEEL = (246, SOLE)
EXERCISES["glute-bridge"] = dict(
    title="Bridge (hip lift)",
    props=[("floor", FLOOR)],
    figures=[("start", supine(style="ghost", leg_n={"heel": BRIDGE_HEEL, "foot": 0})),
             ("end", supine(trunk=-154, head=180, leg_n={"heel": BRIDGE_HEEL, "foot": 0}))],
    arrows=[{"from": ("end.hip", 0, -16), "to": ("end.hip", 0, -62)}],
)

EXERCISES["single-leg-bridge"] = dict(
    title="Single-leg bridge",
    props=[("floor", FLOOR)],
    figures=[("start", supine(style="ghost", leg_n={"heel": BRIDGE_HEEL, "foot": 0}, leg_f=(44, 44, 134))),
             ("end", supine(trunk=-154, head=180, leg_n={"heel": BRIDGE_HEEL, "foot": 0}, leg_f=(26, 26, 116)))],
    arrows=[{"from": ("end.hip", -2, 16), "to": ("end.hip", -2, -40), "gap": 0}],
)

SLIDER_HANDS = {"reach": ("self.knee_n", 4, 34)}
EXERCISES["sciatic-slider-lying"] = dict(
    title="Sciatic nerve slider (lying on your back)",
    props=[("floor", FLOOR)],
    figures=[("start", supine(style="ghost", leg_n=(90, 0, 110), leg_f={"heel": (250, SOLE), "foot": 0},
                              arm_n=SLIDER_HANDS, arm_f=SLIDER_HANDS)),
             ("end", supine(leg_n=(90, 70, 118), leg_f={"heel": (250, SOLE), "foot": 0},
                            arm_n=SLIDER_HANDS, arm_f=SLIDER_HANDS))],
    arrows=[{"arc": ("end.knee_n", 0, 0), "r": 88, "a0": 6, "a1": 62}],
)

EXERCISES["pilates-single-leg-circle"] = dict(
    title="Single-leg circle (Pilates)",
    props=[("floor", FLOOR)],
    figures=[("end", supine(leg_f={"heel": (250, SOLE), "foot": 0}, leg_n=(76, 66, 140)))],
    arrows=[{"arc": ("end.ball_n", 0, -2), "r": 40, "ry": 18, "a0": 210, "a1": 520}],
)

# =================================================================================== hip and knee
# Lying on the side, seen from the front and a little above (so that bent knees show): hand-placed joints.
SL_HIP = (204, 196)
SL_MAT = 250


def side_lying(top_knee, top_ankle, bottom_knee, bottom_ankle, style="ink", top_hand=(198, 186)):
    def foot(ankle, side):  # the toes point towards us: a short stub downwards
        return {f"heel_{side}": (ankle[0] + 3, ankle[1] - 3), f"ball_{side}": (ankle[0] + 7, ankle[1] + 13),
                f"toe_{side}": (ankle[0] + 9, ankle[1] + 18)}

    pts = {"shoulder": (96, 196), "head": (66, 214), "knee_n": top_knee, "ankle_n": top_ankle,
           "knee_f": bottom_knee, "ankle_f": bottom_ankle,
           "elbow_f": (60, SL_MAT - 7), "wrist_f": (26, SL_MAT - 7), "elbow_n": (150, 166), "wrist_n": top_hand}
    pts.update(foot(top_ankle, "n"))
    pts.update(foot(bottom_ankle, "f"))
    return dict(style=style, check=False, scale=1.1, trunk=180, at=("hip", *SL_HIP), points=pts)


BOTTOM_KNEE, BOTTOM_ANKLE = (270, 234), (330, 208)
EXERCISES["pilates-clam"] = dict(
    title="Clam (Pilates)",
    props=[("step", 4, 396, SL_MAT, SL_MAT + 12)],
    figures=[("start", side_lying((268, 220), (330, 197), BOTTOM_KNEE, BOTTOM_ANKLE, "ghost")),
             ("end", side_lying((250, 140), (330, 197), BOTTOM_KNEE, BOTTOM_ANKLE))],
    arrows=[{"arc": SL_HIP, "r": 58, "a0": -14, "a1": 40}],
)

EXERCISES["side-lying-hip-abduction"] = dict(
    title="Side-lying leg lift (hip abduction)",
    props=[("step", 4, 396, SL_MAT, SL_MAT + 12)],
    figures=[("start", side_lying((280, 198), (356, 200), BOTTOM_KNEE, BOTTOM_ANKLE, "ghost")),
             ("end", side_lying((274, 160), (342, 124), BOTTOM_KNEE, BOTTOM_ANKLE))],
    arrows=[{"arc": SL_HIP, "r": 164, "a0": 4, "a1": 28}],
)

STEP_UP_TOP = STEP_FLOOR - 28
UP_HAND = {"reach": (246, 152)}
EXERCISES["step-up"] = dict(
    title="Step-up",
    props=[("floor", STEP_FLOOR), ("step", 200, 392, STEP_UP_TOP, STEP_FLOOR),
           ("bar", [(248, STEP_UP_TOP), (248, 150), (392, 150)], 7)],
    figures=[
        ("start", dict(style="ghost", scale=0.8, trunk=88, at=("hip", 192, 182),
                       leg_n={"heel": (220, STEP_UP_TOP - GAP), "foot": 0},
                       leg_f={"ball": (172, STEP_FLOOR - GAP), "foot": -24, "toes": 0},
                       arm_n=UP_HAND, arm_f=UP_HAND)),
        ("end", dict(scale=0.8, trunk=90, at=("heel_n", 220, STEP_UP_TOP - GAP), leg_n=(-90, -90, 0),
                     leg_f=(-80, -140, -50), arm_n=UP_HAND, arm_f=UP_HAND)),
    ],
    arrows=[{"from": ("start.hip", -28, 10), "to": ("end.hip", -28, -4), "bend": -8}],
)

SPLIT_BACK = {"ball": (120, SOLE), "foot": -45, "toes": 0}
SPLIT_BACK_LOW = {"ball": (120, SOLE), "foot": -72, "toes": 0}
SPLIT_FRONT = {"heel": (250, SOLE), "foot": 0}
EXERCISES["split-squat"] = dict(
    title="Split squat",
    props=[("floor", FLOOR)],
    figures=[
        ("start", dict(style="ghost", trunk=90, at=("hip", 186, 162), arm_n=(-94, -70), leg_n=SPLIT_FRONT, leg_f=SPLIT_BACK)),
        ("end", dict(trunk=90, at=("hip", 180, 206), arm_n=(-94, -70), leg_n=SPLIT_FRONT, leg_f=SPLIT_BACK_LOW)),
    ],
    arrows=[{"from": ("start.shoulder", -36, -6), "to": ("end.shoulder", -36, 6)}],
)

# =================================================================================== foot
EXERCISES["towel-scrunch"] = dict(
    title="Towel scrunch (toe curls)",
    props=[("floor", FLOOR), chair(40), ("towel_flat", 176, 300, FLOOR - 1, 1)],
    figures=[("end", seated(leg_n=(0, -90, 0, -35), arm_n=HANDS_ON_KNEES))],
    inset=dict(focus=("end.ball_n", 8, -4), at=(300, 110), r=86, zoom=2.4,
               arrows=[{"from": ("end.toe_n", 40, 8), "to": ("end.toe_n", 12, 8)}]),
)

EXERCISES["short-foot"] = dict(
    title="Short foot (arch lift)",
    props=[("floor", 250), ("bigfoot", 90, 250, 230, 0, "ghost"), ("bigfoot", 90, 250, 230, 22)],
    arrows=[{"from": (192, 240), "to": (192, 196)}, {"from": (298, 236), "to": (254, 236)}],
)

EXERCISES["toe-flexor-press"] = dict(
    title="Toe press (toe flexor strength)",
    props=[("floor", 250), ("bigfoot", 90, 250, 230, 0, "ink", 6)],
    arrows=[{"from": (300, 150), "to": (300, 205)}, {"from": (270, 160), "to": (270, 210)}],
)

# =================================================================================== balance
SOFT_KNEE = (-84, -96)
FOOT_LIFTED = (-96, -150, -70)  # the other foot lifted behind, knee bent
TOP = 134  # worktop height
EXERCISES["single-leg-balance"] = dict(
    title="Single-leg balance",
    props=[("floor", FLOOR), ("bench", 226, 396, TOP, FLOOR)],
    figures=[("end", dict(trunk=90, at=("ball_n", 196, SOLE), leg_n=(*SOFT_KNEE, 0), leg_f=FOOT_LIFTED,
                          arm_n={"reach": (231, TOP - 6)}, arm_f={"reach": (229, TOP - 6)}))],
)

PAD_TOP = FLOOR - 20
EXERCISES["single-leg-balance-foam"] = dict(
    title="Single-leg balance on a cushion",
    props=[("floor", FLOOR), ("pad", 140, 226, PAD_TOP, FLOOR), ("bench", 232, 396, TOP - 22, FLOOR),
           ],
    figures=[("end", dict(trunk=90, at=("ball_n", 205, PAD_TOP - GAP), leg_n=(*SOFT_KNEE, 0), leg_f=FOOT_LIFTED,
                          arm_n={"reach": (238, TOP - 26)}, arm_f={"reach": (236, TOP - 26)}))],
)

# =================================================================================== return to run
WALK = dict(trunk=90, scale=0.8, leg_n=(-72, -80, 14), leg_f=(-108, -118, -28, 0), arm_n=(-70, -40), arm_f=(-112, -100))
RUN = dict(trunk=78, scale=0.8, head=84, leg_n=(-55, -120, -10), leg_f=(-115, 165, -125),
           arm_n=(-130, -40), arm_f=(-55, 30))

EXERCISES["walk-run-intervals"] = dict(
    title="Walk-run intervals",
    props=[("floor", FLOOR), ("clock", (200, 46), 28)],
    figures=[("walk", pose(WALK, at=("heel_n", 96, SOLE), ground=FLOOR)),
             ("run", pose(RUN, at=("hip", 300, 0), ground=FLOOR))],
    arrows=[{"from": (160, 120), "to": (242, 120), "both": True}],
)

ROPE_TOP = [("end.wrist_n", 4, 0), ("end.wrist_n", 14, -50), (214, 8), (160, 28), (136, 130), (156, 230),
            (206, FLOOR - 2)]
EXERCISES["skipping"] = dict(
    title="Skipping (light, on the spot)",
    props=[("floor", FLOOR), ("curve", ROPE_TOP, "#555", LINE_W)],
    figures=[("end", dict(scale=0.92, trunk=90, at=("ball_n", 214, SOLE - 14), leg_n=(-86, -96, -42, -25),
                          arm_n=(-70, -10), arm_f=(-66, -6)))],
    front=[("curve", [(206, FLOOR - 2), (248, FLOOR - 30), ("end.wrist_n", 20, 56), ("end.wrist_n", 4, 0)], "#555",
            LINE_W)],
    arrows=[{"from": (80, FLOOR - 6), "to": (80, FLOOR - 70), "both": True}],
)

EXERCISES["pogo-hops"] = dict(
    title="Pogo hops (both legs)",
    props=[("floor", FLOOR)],
    figures=[("start", dict(style="ghost", scale=0.9, trunk=90, at=("ball_n", 206, SOLE), leg_n=(-86, -94, -30, 0),
                            arm_n=(-100, -50))),
             ("end", dict(scale=0.9, trunk=90, at=("ball_n", 206, SOLE - 20), leg_n=(-90, -90, -45, -35), arm_n=(-100, -50)))],
    arrows=[{"from": ("start.heel_n", -26, 2), "to": ("start.heel_n", -26, -46), "both": True}],
)

EXERCISES["single-leg-hops"] = dict(
    title="Single-leg hops",
    props=[("floor", FLOOR)],
    figures=[("start", dict(style="ghost", scale=0.9, trunk=90, at=("ball_n", 206, SOLE), leg_n=(-82, -98, -30, 0),
                            leg_f=FAR_UP_FLOOR, arm_n=(-100, -50))),
             ("end", dict(scale=0.9, trunk=90, at=("ball_n", 206, SOLE - 20), leg_n=(-86, -94, -45, -35), leg_f=FAR_UP_FLOOR,
                          arm_n=(-100, -50)))],
    arrows=[{"from": ("start.heel_n", -26, 2), "to": ("start.heel_n", -26, -46), "both": True}],
)

# =================================================================================== advice
EXERCISES["warm-bath-legs-raised"] = dict(
    title="Warm bath with the legs raised",
    props=[("bath", 56, 290, 186, 266, 206)],
    figures=[("end", dict(scale=1.15, trunk=140, head=125, at=("hip", 150, 254), leg_n=(34, 34, 124),
                          arm_n=(-50, 10), arm_f=(-50, 10)))],
    front=[("water", 66, 280, 212), ("heat", (330, 150))],
)

EXERCISES["heat-pack"] = dict(
    title="Heat pack on the calf",
    props=[("floor", FLOOR)],
    figures=[("end", dict(scale=1.1, trunk=128, head=108, at=(calf(0.5, 32), 240, FLOOR - 20), leg_n=(12, 12, 102),
                          leg_f=(12, 12, 102),
                          arm_n={"reach": ("y", FLOOR - 5, ("self.shoulder", -18, 0))},
                          arm_f={"reach": ("y", FLOOR - 5, ("self.shoulder", -22, 0))}))],
    over_end=[("pack", "end", 0.05, 0.7), ("heat", ("end.knee_n", 34, -36))],
)

EXERCISES["ice-pack"] = dict(
    title="Ice pack on the calf",
    props=[("floor", FLOOR), ("pillow", (318, FLOOR - 11), 64, 20)],
    figures=[("end", dict(flip=True, scale=1.1, trunk=0, head=8, at=("hip", 170, FLOOR - 13),
                          leg_n=(177, 175, -120), leg_f=(177, 175, -120), arm_n=(182, 180), arm_f=(182, 180)))],
    over_end=[("pack", "end", 0.1, 0.8), ("snowflake", ("end.knee_n", 36, -62), 22)],
    mirror=True,
)

EXERCISES["compression-sleeve"] = dict(
    title="Compression sleeve or bandage",
    props=[("floor", FLOOR), ("bigleg",), ("bigsleeve",)],
)

EXERCISES["relative-rest-load-modification"] = dict(
    title="Relative rest and load changes (pain-monitoring)",
    props=[("floor", FLOOR), ("gauge", (300, 150), 64, 0.2)],
    figures=[("walk", pose(WALK, scale=0.9, at=("heel_n", 110, SOLE), ground=FLOOR))],
    arrows=[{"arc": (300, 150), "r": 84, "a0": 120, "a1": 160}],
)

EXERCISES["gait-cues-cadence"] = dict(
    title="Running cues: quicker, shorter steps",
    props=[("floor", FLOOR), ("metronome", (344, FLOOR - 2), 70),
           ("footprints", [(130, FLOOR + 7), (162, FLOOR + 7), (194, FLOOR + 7), (226, FLOOR + 7), (258, FLOOR + 7)])],
    figures=[("run", pose(RUN, scale=0.9, leg_n=(-70, -100, -5), at=("hip", 200, 0), ground=FLOOR))],
)

# The neutral "no picture" drawing the app shows where an illustration is missing.
EXERCISES["placeholder"] = dict(title="No picture", props=[("placeholder",)])

# =================================================================================== added with the clinical review
EXERCISES["heel-raise-towel-high-load"] = dict(
    title="High-load heel raise with a towel under the toes",
    **step_scene(start_leg=(-90, -90, 28, 62), end_leg=(-90, -90, -40, 34), far_leg=FAR_UP,
                 extra_props=[("towelroll", (113, STEP_TOP - 7), 7)], front=[("backpack", "end")]),
    bare=True)

LP_HIP = (112, 176)
EXERCISES["heel-raise-leg-press"] = dict(
    title="Calf raise on the leg-press machine (knee straight)",
    props=[("floor", FLOOR),
           ("bar", [(96, FLOOR), (104, 200), (292, 200), (300, FLOOR)], 7),
           ("bar", [("end.hip", -6, 22), ("end.hip", 34, 20)], 12),
           ("bar", [("end.hip", -22, 12), ("end.shoulder", -24, 4)], 12),
           ("board", "start", 10, "ghost"), ("board", "end", 10)],
    figures=[
        ("start", dict(style="ghost", trunk=140, head=128, at=("hip", *LP_HIP), leg_n=(-8, -8, 94),
                       arm_n={"reach": ("self.hip", 2, 10)}, arm_f={"reach": ("self.hip", 2, 10)})),
        ("end", dict(trunk=140, head=128, at=("hip", *LP_HIP), leg_n=(-8, -8, 54),
                     arm_n={"reach": ("self.hip", 2, 10)}, arm_f={"reach": ("self.hip", 2, 10)})),
    ],
    arrows=[{"arc": ("end.ankle_n", 0, 0), "r": 46, "a0": 100, "a1": 52}],
    numbers=[("start.toe_n", 30, -12), ("end.toe_n", 36, 10)],
)

EXERCISES["footwear-advice"] = dict(
    title="Footwear: supportive shoes with a small heel",
    props=[("floor", 236), ("shoe", 30, 233, 210, 0.17), ("sandal", 272, 233, 100)],
    marks=[("yes", (136, 52)), ("no", (322, 136))],
)

EXERCISES["taping-by-therapist"] = dict(
    title="Taping by the therapist (calf and heel)",
    props=[("floor", FLOOR), ("bigleg",),
           ("tape", [(226, 256), (205, 222), (186, 196), (164, 170), (150, 140), (146, 112)], 15),
           ("tape", [(205, 222), (203, 190), (192, 160), (182, 132)], 13)],
    front=[("hand", (150, 110), -64, -1, False, (30, -10))],
    arrows=[{"from": (122, 190), "to": (112, 120), "bend": -4}],
)

EXERCISES["heat-ice-alternating"] = dict(
    title="Heat and ice in turn on the calf",
    props=[("floor", FLOOR)],
    figures=[("end", dict(scale=1.1, trunk=128, head=108, at=(calf(0.5, 32), 240, FLOOR - 20), leg_n=(12, 12, 102),
                          leg_f=(12, 12, 102),
                          arm_n={"reach": ("y", FLOOR - 5, ("self.shoulder", -18, 0))},
                          arm_f={"reach": ("y", FLOOR - 5, ("self.shoulder", -22, 0))}))],
    over_end=[("pack", "end", 0.05, 0.7)],
    front=[("heat", (150, 86)), ("snowflake", (300, 62), 24)],
    arrows=[{"from": (186, 44), "to": (262, 44), "bend": -10}, {"from": (262, 92), "to": (186, 92), "bend": -10}],
    bare=True,
)

BIKE = dict(rear=(46, 238), front=(166, 238), crank=(104, 238), saddle=(84, 168), bar=(150, 150))
SWIM_Y = 172
EXERCISES["cross-training"] = dict(
    title="Cross-training: cycling or swimming",
    panels=[
        dict(props=[("floor", 273, 8, 192),
                    ("bike", BIKE["rear"], BIKE["front"], BIKE["saddle"], BIKE["bar"], BIKE["crank"], 33)],
             figures=[("ride", dict(scale=0.7, trunk=62, head=40, at=("hip", 86, 160),
                                    leg_n={"ball": (116, 244), "foot": -14}, leg_f={"ball": (91, 230), "foot": -24},
                                    arm_n={"reach": ("x", 146, ("mid", (0, 152), (0, 152), 0))},
                                    arm_f={"reach": (144, 154)}))],
             arrows=[{"arc": BIKE["crank"], "r": 22, "a0": 200, "a1": 470}]),
        dict(props=[("pool", 8, 192, SWIM_Y - 2, 290)],
             figures=[("swim", dict(scale=0.56, trunk=0, head=-6, at=("hip", 84, SWIM_Y), check=False,
                                    arm_n=(40, -20), arm_f=(-160, -150), leg_n=(186, 180, 196), leg_f=(174, 170, 190)))],
             front=[("pool", 8, 192, SWIM_Y - 2, SWIM_Y + 1)],
             arrows=[{"from": (60, 120), "to": (140, 120)}]),
    ],
    work=None,
)

EXERCISES["forefoot-lift"] = dict(EXERCISES["toe-raise"], title="Forefoot lift (the front of the foot up, heel down)")

# =================================================================================== descriptions
# One line per drawing, its <desc>: the alt text of the picture in the app and the accessible PDF. Say what is
# seen (the positions, the start and the end), never which side: the same words serve the mirrored drawing.
DESCS = {
    "eccentric-heel-drop-straight-knee": "Standing on the front of a step on the working leg, knee straight, hands on a rail: the heel starts high and is lowered slowly below the step; a close-up shows the heel over the edge.",
    "eccentric-heel-drop-bent-knee": "Standing on the front of a step on the working leg, knee slightly bent, hands on a rail: the heel starts high and is lowered slowly below the step; a close-up shows the heel over the edge.",
    "eccentric-heel-drop-floor": "Standing on the working leg with fingertips on a wall, the other foot lifted: the heel starts high and is lowered slowly to the floor.",
    "heel-raise-double-leg-floor": "Standing on both feet with fingertips on a wall: the heels start on the floor and rise onto the balls of the feet.",
    "heel-raise-single-leg-floor": "Standing on the working leg with fingertips on a wall, the other foot lifted: the heel starts on the floor and rises onto the ball of the foot.",
    "heel-raise-double-leg-step": "Standing on both feet on the front of a step, hands on a rail: the heels start below the step and rise high; a close-up shows the heel over the edge.",
    "heel-raise-single-leg-step": "Standing on the working leg on the front of a step, hands on a rail, the other foot lifted: the heel starts below the step and rises high; a close-up shows the heel over the edge.",
    "heel-raise-single-leg-weighted": "Single-leg heel raise on the front of a step with a loaded backpack, hands on a rail: the heel starts below the step and rises high; a close-up shows the heel over the edge.",
    "heavy-slow-heel-raise-standing": "Heel raise on the front of a step holding a dumbbell, knees straight, done slowly (a clock): the heels start below the step and rise high; a close-up shows the heel over the edge.",
    "heel-raise-seated": "Sitting on a chair, knees bent, hands on the knees: the heel starts on the floor and rises onto the ball of the foot.",
    "heel-raise-seated-weighted": "Sitting on a chair with a weight on the knee: the heel starts on the floor and rises onto the ball of the foot, lifting the weight.",
    "heavy-slow-heel-raise-seated": "Sitting on a bench, the balls of the feet on a block and a weight plate on the knees, done slowly (a clock): the heels start low and rise high.",
    "quick-rebounding-heel-raise": "Standing with fingertips on a wall, bouncing quickly up and down on the balls of the feet.",
    "toe-raise": "Standing with the back against a wall: the heel stays on the floor and the front of the foot lifts; a close-up shows the foot lifting.",
    "gastrocnemius-stretch-wall": "Hands on a wall, the working leg straight behind with the heel on the floor, the front knee bent: the hips move forwards to stretch the calf.",
    "soleus-stretch-wall": "Hands on a wall, the working leg behind with its knee bent and heel on the floor: the hips sink down to stretch the lower calf.",
    "calf-stretch-step": "Standing on the front of a step, hands on a rail, the heel hanging below the edge and held there; a close-up shows the heel over the edge.",
    "towel-calf-stretch": "Sitting on the floor, the working leg straight, a towel around the ball of the foot pulled with both hands so the toes come back towards the body.",
    "dynamic-calf-stretch": "Hands on a wall, the working leg behind: the heel moves down to the floor and up again, over and over.",
    "plantar-fascia-stretch": "Close-up of a foot resting on the other knee: a hand pulls the toes back towards the shin, stretching the sole.",
    "self-massage-stroking": "Close-up of the lower leg while sitting: a flat hand strokes the calf upwards from the ankle towards the knee.",
    "self-massage-kneading": "Close-up of the lower leg while sitting: a hand squeezes and kneads the calf muscle in small circles.",
    "self-massage-stripping": "Close-up of the lower leg while sitting: a thumb presses and slides slowly up along the calf.",
    "sustained-pressure-tender-point": "Close-up of the lower leg while sitting: a thumb presses and holds on one tender point in the calf (a clock for the hold).",
    "soleus-pressure-active-ankle": "Close-up of the lower leg while sitting: a thumb presses on the lower calf while the foot moves up and down.",
    "foam-roll-calf": "Sitting on the floor, hands behind, the calf resting on a foam roller: the leg rolls back and forth over it.",
    "trigger-point-ball-calf": "Sitting on the floor, hands behind, the calf resting on a massage ball: the weight of the leg presses down on it.",
    "ankle-alphabet": "Sitting on a chair, the working leg stretched out: the foot draws letters in the air.",
    "ankle-circles": "Sitting on a chair, the working leg stretched out: the foot turns in slow circles.",
    "knee-to-wall-dorsiflexion": "Facing a wall, the working foot in front with the heel down: the knee moves forwards to touch the wall.",
    "slump-slider": "Sitting slumped on a chair: the knee straightens while the head lifts, then the knee bends while the head drops.",
    "slump-tensioner": "Sitting slumped on a chair with the chin down: the knee straightens and the foot pulls up, then relaxes.",
    "ankle-pumps": "Lying on the back, legs straight: the foot points away and then pulls back up; a close-up shows the ankle moving.",
    "glute-bridge": "Lying on the back, knees bent and feet flat: the hips lift off the floor.",
    "single-leg-bridge": "Lying on the back, one knee bent with the foot flat and the other leg held straight: the hips lift off the floor.",
    "sciatic-slider-lying": "Lying on the back, hands holding behind the thigh with the hip bent: the knee straightens and bends.",
    "pilates-single-leg-circle": "Lying on the back, one leg raised: the leg draws small circles in the air.",
    "pilates-clam": "Lying on the side, knees bent, feet together: the top knee opens upwards and closes again.",
    "side-lying-hip-abduction": "Lying on the side: the top leg, straight, lifts up and lowers again.",
    "step-up": "Holding a rail, the working foot on a step: the body steps up until standing on the step.",
    "split-squat": "Standing with one foot forwards and one back: the body lowers straight down and rises again.",
    "towel-scrunch": "Sitting on a chair with the foot on a towel: the toes curl to pull the towel in; a close-up shows the toes gripping.",
    "short-foot": "Close-up of a bare foot from the inside: the arch lifts and the ball of the foot draws back towards the heel, toes flat.",
    "toe-flexor-press": "Close-up of a bare foot from the inside: the toes press down into the floor.",
    "single-leg-balance": "Standing on the working leg, knee soft, fingertips near a worktop, the other foot lifted, held for a time.",
    "single-leg-balance-foam": "Standing on the working leg on a cushion, fingertips near a worktop, the other foot lifted, held for a time.",
    "walk-run-intervals": "A walking figure and a running figure with a clock between them: walking and running in turns.",
    "skipping": "Skipping with a rope on the spot, lightly on the balls of the feet.",
    "pogo-hops": "Standing on both feet: small quick hops on the balls of the feet, legs nearly straight.",
    "single-leg-hops": "Standing on the working leg: small hops on the ball of the foot.",
    "warm-bath-legs-raised": "Lying in a warm bath with the legs raised on the edge.",
    "heat-pack": "Sitting on the floor, hands behind, with a warm pack under the calf.",
    "ice-pack": "Lying face down with a cold pack wrapped in a cloth on the calf.",
    "compression-sleeve": "Close-up of the lower leg wearing a compression sleeve from the ankle to below the knee.",
    "relative-rest-load-modification": "A walking figure beside a dial turned down: keep moving, with the load turned down.",
    "gait-cues-cadence": "A runner with short quick steps close together, and a metronome.",
    "heel-raise-towel-high-load": "Standing on the working leg on the front of a step with a loaded backpack, a rolled towel under the toes, hands on a rail: the heel starts below the step and rises high, the toes bending up over the towel; a close-up shows the heel over the edge and the towel.",
    "heel-raise-leg-press": "Sitting on a leg-press machine with the knees straight and the balls of the feet on the foot plate: the ankles push the plate away, rising onto the balls of the feet, and return.",
    "footwear-advice": "A supportive trainer with a cushioned, slightly raised heel (a tick) and a flat flip-flop (a cross).",
    "taping-by-therapist": "Close-up of the lower leg: strips of tape run from under the heel up the back of the calf, smoothed on by a hand.",
    "heat-ice-alternating": "Sitting on the floor, hands behind, a pack under the calf; heat and cold (a snowflake) with arrows between them: warm and cold in turn.",
    "cross-training": "Two ways to keep fit while the calf settles: 1, cycling; 2, swimming.",
    "forefoot-lift": "Standing with the back against a wall: the heel stays on the floor and the front of the foot lifts; a close-up shows the foot lifting.",
    "placeholder": "No drawing for this exercise yet.",
}
for _id, _desc in DESCS.items():
    EXERCISES[_id]["desc"] = _desc

# Which leg works (filled with the accent): the near leg ("n", the right leg of a figure facing right) unless
# said here; "both" for both legs at once, None where no leg does an exercise. "bare": bare feet where the foot
# itself matters. "mirror": the drawing is turned round so that the right leg works (a foot seen from its inner
# side, a figure lying on its side). "hold": where the hold mark goes, for a position that is held.
HOLD_AT = (40, 40)
NUMBERS = {  # where the position numbers go (1 by the START pose, 2 by the END) when the two overlap
    "knee-to-wall-dorsiflexion": [("start.knee_n", -30, -8), ("end.knee_n", 6, -34)],
    "split-squat": [("start.hip", 40, -24), ("end.hip", 44, 0)],
    "step-up": [("start.hip", -40, 10), ("end.head", -30, 0)],
    "slump-slider": [("start.ankle_n", -24, 16), ("end.toe_n", 10, -26)],
    "slump-tensioner": [("start.ankle_n", -24, 16), ("end.toe_n", 10, -26)],
    "glute-bridge": [("start.hip", 58, 4), ("end.hip", 30, -30)],
    "single-leg-bridge": [("start.hip", 58, 4), ("end.hip", 30, -30)],
    "sciatic-slider-lying": [("start.toe_n", 28, 6), ("end.toe_n", -26, 4)],
    "side-lying-hip-abduction": [("start.ankle_n", 26, 16), ("end.ankle_n", 24, -10)],
}
for _id, _numbers in NUMBERS.items():
    EXERCISES[_id]["numbers"] = _numbers
STYLE = {
    "heel-raise-double-leg-floor": dict(work="both"),
    "heel-raise-double-leg-step": dict(work="both"),
    "heavy-slow-heel-raise-standing": dict(work="both"),
    "heavy-slow-heel-raise-seated": dict(work="both"),
    "quick-rebounding-heel-raise": dict(work="both"),
    "glute-bridge": dict(work="both"),
    "pogo-hops": dict(work="both"),
    "skipping": dict(work="both"),
    "walk-run-intervals": dict(work=None),
    "gait-cues-cadence": dict(work=None),
    "relative-rest-load-modification": dict(work=None),
    "warm-bath-legs-raised": dict(work=None, bare=True),
    "ankle-pumps": dict(bare=True),
    "toe-raise": dict(bare=True),
    "forefoot-lift": dict(bare=True),
    "towel-scrunch": dict(bare=True),
    "towel-calf-stretch": dict(bare=True, hold=(200, 60)),
    "ice-pack": dict(bare=True),
    "heat-pack": dict(bare=True),
    "short-foot": dict(mirror=True, hold=(60, 60)),
    "toe-flexor-press": dict(mirror=True, hold=(60, 60)),
    "plantar-fascia-stretch": dict(mirror=True, hold=(44, 44)),
    "pilates-clam": dict(mirror=True),
    "side-lying-hip-abduction": dict(mirror=True),
    "gastrocnemius-stretch-wall": dict(hold=HOLD_AT),
    "soleus-stretch-wall": dict(hold=HOLD_AT),
    "calf-stretch-step": dict(hold=HOLD_AT),
    "single-leg-balance": dict(hold=HOLD_AT),
    "single-leg-balance-foam": dict(hold=HOLD_AT),
    "sustained-pressure-tender-point": dict(hold=(350, 50)),
    "trigger-point-ball-calf": dict(hold=HOLD_AT),
}
for _id, _style in STYLE.items():
    EXERCISES[_id].update(_style)
# Close views run on past the frame (the thigh, the forearms): cut at its edge.
for _id in ("self-massage-stroking", "self-massage-kneading", "self-massage-stripping", "sustained-pressure-tender-point",
            "soleus-pressure-active-ankle", "compression-sleeve", "taping-by-therapist", "plantar-fascia-stretch",
            "short-foot", "toe-flexor-press"):
    EXERCISES[_id]["crop"] = True
