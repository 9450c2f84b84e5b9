package org.placementmatcher.data.ofsted;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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

    private OfstedWorkbook() {}

    static List<OfstedListReader.Row> rows(InputStream xlsx, int maxRows, Predicate<List<String>> isHeader)
            throws IOException {
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
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
