package org.onecall.flow;

import java.time.Duration;

/** How a recording ended for a caller who is still on the line. */
public sealed interface Recording {
    /** The file holds this much sound (silence at the end included, up to a second). */
    record Saved(Duration length) implements Recording {
    }

    /** Asterisk could not record (it could not write the file, say); nothing usable was saved. */
    record Failed(String why) implements Recording {
    }
}
