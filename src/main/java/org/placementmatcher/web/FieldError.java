package org.placementmatcher.web;

import io.quarkus.qute.TemplateData;

/**
 * A problem with what a form sent, as the GOV.UK error summary lists it (templates/web/error-summary.html) and the
 * field shows it: the field's id (null: the page as a whole) and the message in words.
 */
@TemplateData
public record FieldError(String field, String message) {

    /** Where the summary's link goes: the field, or the page's main content. */
    public String href() {
        return "#" + (field == null ? "main-content" : field);
    }
}
