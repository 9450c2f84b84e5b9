package org.placementmatcher.web;

import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list (50 rows) and the GOV.UK pagination links to the others, each link keeping the list's
 * filters and order.
 */
@TemplateData
public record Paging<T>(List<T> items, int page, int pages, int total, List<Link> links, Link previous, Link next) {

    static final int SIZE = 50;

    /** A page number's link; {@code ellipsis} stands for numbers left out. */
    @TemplateData
    public record Link(int number, String href, boolean current, boolean ellipsis) {}

    static <T> Paging<T> of(List<T> all, int requested, String path, Map<String, String> query) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = Math.min(Math.max(1, requested), pages);
        List<T> items = all.subList((page - 1) * SIZE, Math.min(all.size(), page * SIZE));
        List<Link> links = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
                links.add(new Link(n, href(path, query, n), n == page, false));
            } else if (links.isEmpty() || !links.getLast().ellipsis()) {
                links.add(new Link(n, null, false, true));
            }
        }
        Link previous = page > 1 ? new Link(page - 1, href(path, query, page - 1), false, false) : null;
        Link next = page < pages ? new Link(page + 1, href(path, query, page + 1), false, false) : null;
        return new Paging<>(items, page, pages, all.size(), links, previous, next);
    }

    static String href(String path, Map<String, String> query, int page) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.put("page", String.valueOf(page));
        StringBuilder href = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                href.append(separator)
                        .append(e.getKey())
                        .append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return href.toString();
    }
}
