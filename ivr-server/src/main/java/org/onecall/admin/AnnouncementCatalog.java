package org.onecall.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which announcements each center has, as its center file lists them. The board holds their
 * states; this holds what exists, so the API can tell an unknown center or announcement (404)
 * from one that was simply never switched (off).
 */
@FunctionalInterface
public interface AnnouncementCatalog {
    /** The center's announcements in file order; empty when there is no such center. */
    Optional<List<Listed>> announcements(String center);

    /**
     * One announcement a center may play.
     *
     * @param id     as in the API's URLs and on the board
     * @param topic  the topic whose spike starts it, if any
     * @param prompt the prompt key callers hear, one recording per language
     */
    record Listed(String id, Optional<String> topic, String prompt) {
    }

    /** A fixed catalog: centers and their announcements. */
    static AnnouncementCatalog of(Map<String, List<Listed>> byCenter) {
        Map<String, List<Listed>> copy = Map.copyOf(byCenter);
        return center -> Optional.ofNullable(copy.get(center)).map(List::copyOf);
    }
}
