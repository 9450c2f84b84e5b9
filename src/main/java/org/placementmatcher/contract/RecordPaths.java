package org.placementmatcher.contract;

import java.util.function.IntFunction;

/**
 * How the errors found in a problem name where they are: its own fields under {@link #root()}, and each provider and
 * child by {@link #provider} and {@link #child} of its place in the problem. By default, by its place in the problem at
 * the root ({@code $.children[3]}); a caller that assembled the problem from several parts (a scenario's changes laid
 * over a register) names each record where the user wrote it, so no message is rewritten after the fact.
 */
public interface RecordPaths {

    /** The path of the problem itself. */
    String root();

    /** The path of the provider at this place in the problem. */
    String provider(int index);

    /** The path of the child at this place in the problem. */
    String child(int index);

    /** Each record by its place in the problem at {@code root}. */
    static RecordPaths at(String root) {
        return of(root, index -> root + ".providers[" + index + "]", index -> root + ".children[" + index + "]");
    }

    /** The problem at {@code root}, its providers and children named as the functions say. */
    static RecordPaths of(String root, IntFunction<String> provider, IntFunction<String> child) {
        return new RecordPaths() {
            @Override
            public String root() {
                return root;
            }

            @Override
            public String provider(int index) {
                return provider.apply(index);
            }

            @Override
            public String child(int index) {
                return child.apply(index);
            }
        };
    }
}
