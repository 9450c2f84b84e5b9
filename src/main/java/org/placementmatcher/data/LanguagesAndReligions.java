package org.placementmatcher.data;

import static org.placementmatcher.data.RandomDraws.pick;
import static org.placementmatcher.data.SampleCalibration.UASC_SUPPORT;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The languages and religion of the children (all but the UASC, who are drawn with their own) and of the providers,
 * at illustrative shares: side by side, so that children and carers are drawn from the same languages and religions.
 */
final class LanguagesAndReligions {

    private LanguagesAndReligions() {}

    static void ofOrdinaryChild(DraftChild kid, SplittableRandom rng) {
        if (rng.nextDouble() < 0.08) {
            kid.languages = List.of(
                    "en", pick(rng, new String[] {"pl", "ur", "ar", "ku"}, new double[] {0.4, 0.3, 0.15, 0.15}));
        }
        if (rng.nextDouble() < 0.15) {
            kid.religion = religion(rng);
        }
    }

    static void ofProvider(DraftProvider p, SplittableRandom rng) {
        if (p.caps.contains(UASC_SUPPORT) && rng.nextDouble() < 0.4) {
            p.languages =
                    List.of("en", pick(rng, new String[] {"ar", "ps", "ku", "ti"}, new double[] {0.3, 0.3, 0.2, 0.2}));
        } else if (rng.nextDouble() < 0.08) {
            p.languages = List.of(
                    "en", pick(rng, new String[] {"pl", "ur", "ar", "ku"}, new double[] {0.4, 0.3, 0.15, 0.15}));
        } else {
            p.languages = List.of("en");
        }
        if (rng.nextDouble() < 0.25) {
            p.religion = religion(rng);
        }
    }

    private static String religion(SplittableRandom rng) {
        return pick(rng, new String[] {"Christian", "Muslim", "Hindu", "Sikh", "Jewish"}, new double[] {
            0.6, 0.25, 0.05, 0.05, 0.05
        });
    }
}
