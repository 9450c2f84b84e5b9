package org.placementmatcher.data.ssda903;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A data error of an SSDA903 file set, where it is: the table (as the DfE names it), the line of the file and the
 * column (the CSV column's name, also for XML). The last entry of a long list has only the message "and N more".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ssda903Problem(String table, Integer line, String column, String message) {}
