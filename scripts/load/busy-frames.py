#!/usr/bin/env python3
"""Top frames of a dotnet-trace thread-time trace (converted to Speedscope), counting only the time
threads were busy: the converter ends every stack with CPU_TIME (managed code running) or
UNMANAGED_CODE_TIME (native code, waits included); intervals whose innermost real frame is a wait (an
idle pool thread, a blocked lock, a socket poll) are left out, so the shares are of work done, not
of threads parked.

    busy-frames.py TRACE.speedscope.json [N] [UNDER]

With UNDER, only time spent beneath a frame whose name contains UNDER counts, so one part of the
work (say AuditTrailWriter+<CommitAsync>) can be taken apart.
"""
import json
import re
import sys
from collections import defaultdict

WAITING = re.compile(
    r"Monitor\.Wait|LowLevelLifoSemaphore\.Wait|WaitHandle\.WaitOne|ManualResetEventSlim\.Wait|"
    r"Interop\+Sys\.Read\(|Interop\+Sys\.WaitForSocketEvents|Thread\.Sleep|SemaphoreSlim\.Wait\(|"
    r"Monitor\.Enter_Slowpath|Lock\.TryEnterSlow|PollGCWorker|GC\.RunFinalizers|Missing Symbol|"
    r"LowLevelMonitor\.Wait|Thread\.Join|Task\.InternalWait|SpinWait|SocketAsyncEngine\.EventLoop")
MARKERS = {"CPU_TIME", "UNMANAGED_CODE_TIME"}
SYNTHETIC = re.compile(r"^(Process64 |Threads$|\(Non-Activities\)$|Thread \(|CPU_TIME$|UNMANAGED_CODE_TIME$)")


def busy_stack(stack, names):
    if len(stack) < 2 or names[stack[-1]] not in MARKERS:
        return False
    # Native frames without symbols ("?!?") say nothing; the first named frame below them does.
    named = next((names[frame] for frame in reversed(stack[:-1]) if names[frame] != "?!?"), "")
    return not WAITING.search(named)


def busy_frames(path, top, under=None):
    trace = json.load(open(path))
    names = [frame["name"] for frame in trace["shared"]["frames"]]
    inclusive, exclusive, busy = defaultdict(float), defaultdict(float), 0.0
    for profile in trace["profiles"]:
        stack, at = [], None
        for event in profile["events"]:
            if at is not None and busy_stack(stack, names) and (under is None or any(under in names[frame] for frame in stack)):
                span = event["at"] - at
                busy += span
                exclusive[stack[-2]] += span
                for frame in set(stack):
                    inclusive[frame] += span
            at = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    if busy == 0:
        sys.exit("busy-frames: no busy time in " + path)
    for title, table in (("exclusive", exclusive), ("inclusive", inclusive)):
        print(f"Busy time by frame ({title}), of {busy:.0f} ms busy" + (f" under {under}" if under else ""))
        real = [(frame, span) for frame, span in table.items() if not SYNTHETIC.search(names[frame])]
        for frame, span in sorted(real, key=lambda item: -item[1])[:top]:
            print(f"{span / busy * 100:6.2f}%  {names[frame][:150]}")


if __name__ == "__main__":
    busy_frames(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40, sys.argv[3] if len(sys.argv) > 3 else None)
