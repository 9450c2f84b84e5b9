package org.placementmatcher.data.ofsted;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSX workbook's rows as text, for {@link OfstedListReader}. Ofsted's workbooks open with notes sheets, so
 * the sheet read is the first whose top rows hold a header; dates become ISO dates whatever their cell format,
 * and other cells read as Excel shows them.
 */
final class OfstedWorkbook {

    private static final int HEADER_SEARCH_ROWS = 20;

    /**
     * The most any one part of a workbook may inflate to: the service's largest body (64 MB). An Ofsted list's
     * sheet is a few MB; a part past this is a zip bomb, refused before it is built in memory.
     */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** The least a part may be compressed to (1:100); a higher ratio is a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // POI's limits are its own globals: the only workbooks the service opens are these lists.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    /** A workbook refused for what its parts inflate to, before it is read. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(
                    "is refused: a part of the workbook inflates past " + MAX_PART_BYTES / (1024 * 1024)
                            + " MB or more than 100 times its compressed size",
                    null);
        }
    }

    private OfstedWorkbook() {}

    /** Whether the failure to open a workbook was POI refusing it for its inflated size. */
    private static boolean zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null
                    && (message.contains("Zip bomb")
                            || message.contains("MAX_ENTRY_SIZE")
                            || message.contains("inflate"))) {
                return true;
            }
        }
        return false;
    }

    static List<OfstedListReader.Row> rows(InputStream xlsx, int maxRows, Predicate<List<String>> isHeader)
            throws IOException {
        try (Workbook workbook = open(xlsx)) {
            DataFormatter formatter = new DataFormatter(java.util.Locale.UK);
            Sheet chosen = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            for (Sheet sheet : workbook) {
                if (hasHeader(sheet, formatter, isHeader)) {
                    chosen = sheet;
                    break;
                }
            }
            List<OfstedListReader.Row> rows = new ArrayList<>();
            if (chosen == null) {
                return rows;
            }
            for (Row row : chosen) {
                List<String> cells = cells(row, formatter);
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() > maxRows) {
                    throw new IOException("too many rows");
                }
                rows.add(new OfstedListReader.Row(row.getRowNum() + 1, cells));
            }
            return rows;
        }
    }

    private static Workbook open(InputStream xlsx) throws IOException {
        try {
            return new XSSFWorkbook(xlsx);
        } catch (IOException | RuntimeException e) {
            if (zipBomb(e)) {
                throw new TooLarge();
            }
            throw e;
        } catch (OutOfMemoryError e) {
            // Past the limits yet too large for the heap: what was built is garbage once this returns.
            throw new TooLarge();
        }
    }

    private static boolean hasHeader(Sheet sheet, DataFormatter formatter, Predicate<List<String>> isHeader) {
        for (Row row : sheet) {
            if (row.getRowNum() >= HEADER_SEARCH_ROWS) {
                return false;
            }
            if (isHeader.test(cells(row, formatter))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> cells(Row row, DataFormatter formatter) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            } else {
                cells.add(formatter.formatCellValue(cell));
            }
        }
        return cells;
    }
}
