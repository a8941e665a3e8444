package com.spurlab.core.kpi;

/** Where a figure stands against its target, its 95 % interval and its group sizes taken into account. */
public enum TargetStatus {
    /** The whole interval is on the target's side and the groups behind the figure are large enough to trust. */
    MET,
    /** The whole interval misses the target. */
    NOT_MET,
    /** The interval straddles the target, or the figure rests on a group too small to trust (n &lt; 20). */
    UNCERTAIN
}
