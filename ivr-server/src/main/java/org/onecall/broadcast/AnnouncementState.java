package org.onecall.broadcast;

/**
 * An announcement is off, armed (ready to start by itself when calls spike), active (callers hear
 * it), or suppressed: armed again only when its expiry passes, so a known surge (a planned
 * event, a storm already handled) does not start it meanwhile.
 */
public enum AnnouncementState {
    OFF, ARMED, ACTIVE, SUPPRESSED
}
