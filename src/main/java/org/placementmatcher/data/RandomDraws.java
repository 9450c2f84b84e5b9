package org.placementmatcher.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's randomness helpers (one SplittableRandom, fixed order): weighted picks, a triangular figure and a
 * shuffle, each drawing from the generation's one random source in a fixed order, so that a seed always gives
 * byte-identical files.
 */
final class RandomDraws {

    private RandomDraws() {}

    /** An index drawn with the weights' odds (zero weights never), one draw of the random source. */
    static int pickIndex(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    /** One of the values, drawn with the weights' odds (see {@link #pickIndex}). */
    static <T> T pick(SplittableRandom rng, T[] values, double[] weights) {
        return values[pickIndex(rng, weights)];
    }

    /** A figure between {@code min} and {@code max}, most often near {@code mode}: one draw of the random source. */
    static double triangular(SplittableRandom rng, double min, double max, double mode) {
        double u = rng.nextDouble();
        double split = (mode - min) / (max - min);
        return u < split
                ? min + Math.sqrt(u * (max - min) * (mode - min))
                : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }

    /** Fisher-Yates, in place. */
    static <T> void shuffle(SplittableRandom rng, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
