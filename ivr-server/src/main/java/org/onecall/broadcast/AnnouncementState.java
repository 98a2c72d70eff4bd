package org.onecall.broadcast;

/** An announcement is off, armed (ready to start by itself when calls spike), or active (callers hear it). */
public enum AnnouncementState {
    OFF, ARMED, ACTIVE
}
