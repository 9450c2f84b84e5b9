package org.placementmatcher.data.ssda903;

import java.util.List;

/** An SSDA903 file set as read: the rows of the Header, Episodes and UASC tables. */
public record Ssda903Files(List<Ssda903Row> header, List<Ssda903Row> episodes, List<Ssda903Row> uasc) {

    public Ssda903Files {
        header = List.copyOf(header);
        episodes = List.copyOf(episodes);
        uasc = List.copyOf(uasc);
    }
}
