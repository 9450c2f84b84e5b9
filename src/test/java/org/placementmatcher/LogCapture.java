package org.placementmatcher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a class logs while something runs, through java.util.logging (the tests' log manager is JBoss LogManager,
 * which JBoss Logging writes to).
 */
public final class LogCapture {

    private LogCapture() {}

    /** The records {@code source}'s logger writes at {@code least} or above while {@code action} runs. */
    public static List<LogRecord> recordsWhile(Class<?> source, Level least, Runnable action) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler captured = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= least.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(source.getName());
        logger.addHandler(captured);
        try {
            action.run();
        } finally {
            logger.removeHandler(captured);
        }
        return records;
    }
}
