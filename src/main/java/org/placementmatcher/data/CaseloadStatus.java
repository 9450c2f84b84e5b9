package org.placementmatcher.data;

import static org.placementmatcher.data.RandomDraws.shuffle;
import static org.placementmatcher.data.SampleCalibration.COMPLEX_BEHAVIOUR;
import static org.placementmatcher.data.SampleCalibration.DISABILITY_CARE;
import static org.placementmatcher.data.SampleCalibration.FEMALE;
import static org.placementmatcher.data.SampleCalibration.HARD_SHARE;
import static org.placementmatcher.data.SampleCalibration.MEDICAL;
import static org.placementmatcher.data.SampleCalibration.NEEDS_MOVE_SHARE;
import static org.placementmatcher.data.SampleCalibration.PARENT_AND_CHILD;
import static org.placementmatcher.data.SampleCalibration.PINNED_SHARE;
import static org.placementmatcher.data.SampleCalibration.PLACED_SHARE;
import static org.placementmatcher.data.SampleCalibration.THERAPEUTIC;
import static org.placementmatcher.data.SampleCalibration.WAITING_EMERGENCY;
import static org.placementmatcher.data.SampleCalibration.WAITING_URGENT;
import static org.placementmatcher.data.SampleCalibration.WHEELCHAIR_ACCESS;
import static org.placementmatcher.data.SampleDataGenerator.REFERENCE_DATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.placementmatcher.domain.Urgency;

/**
 * Where one authority's children stand: which are in a placement now and which wait, which of the placed are pinned
 * or must move, how urgently the others wait, and which few are left without any option on purpose. Each step is
 * called by {@link AuthorityBlock} in its turn, between the placements of {@link HiddenPlan}.
 */
final class CaseloadStatus {
    private final List<DraftUnit> units;
    private final int childTarget;
    private final SplittableRandom rng;
    final List<DraftUnit> placedUnits = new ArrayList<>();
    final List<DraftUnit> waitingUnits = new ArrayList<>();
    final List<DraftUnit> hardUnits = new ArrayList<>();

    CaseloadStatus(List<DraftUnit> units, int childTarget, SplittableRandom rng) {
        this.units = units;
        this.childTarget = childTarget;
        this.rng = rng;
    }

    // ---- who is placed now ----

    void choosePlaced() {
        // Blocks: a unit, or all the units of one sibling group apart (placed or waiting as a whole).
        List<List<DraftUnit>> blocks = new ArrayList<>();
        DraftSiblingGroup previous = null;
        for (DraftUnit unit : units) {
            DraftSiblingGroup group = unit.first().group;
            if (group != null && !group.together && group == previous) {
                blocks.getLast().add(unit);
            } else {
                blocks.add(new ArrayList<>(List.of(unit)));
            }
            previous = group;
        }
        shuffle(rng, blocks);
        int target = (int) Math.round(PLACED_SHARE * childTarget);
        int placed = 0;
        for (List<DraftUnit> block : blocks) {
            int children = block.stream().mapToInt(DraftUnit::size).sum();
            boolean chosen = placed + children <= target;
            if (chosen) {
                placed += children;
            }
            for (DraftUnit unit : block) {
                for (DraftChild kid : unit.kids()) {
                    kid.waiting = !chosen;
                }
            }
        }
        for (DraftUnit unit : units) {
            (unit.first().waiting ? waitingUnits : placedUnits).add(unit);
        }
    }

    void pinAndMove() {
        for (DraftUnit unit : placedUnits) {
            double u = rng.nextDouble();
            boolean pinned = u < PINNED_SHARE;
            boolean move = !pinned && u < PINNED_SHARE + NEEDS_MOVE_SHARE;
            Urgency urgency = Urgency.URGENT;
            LocalDate neededBy = null;
            if (move) {
                // A placement breakdown needs a bed today; a planned ending gives a few weeks.
                if (rng.nextDouble() < 0.10) {
                    urgency = Urgency.EMERGENCY;
                    neededBy = REFERENCE_DATE;
                } else {
                    int days = 7 + rng.nextInt(50);
                    urgency = days <= 14 ? Urgency.URGENT : Urgency.PLANNED;
                    neededBy = REFERENCE_DATE.plusDays(days);
                }
            }
            for (DraftChild kid : unit.kids()) {
                kid.pinned = pinned;
                kid.needsMove = move;
                // Settled children: URGENT (see SampleDataGenerator's class comment).
                kid.urgency = urgency;
                kid.neededBy = neededBy;
            }
        }
    }

    void setWaitingUrgency() {
        for (DraftUnit unit : waitingUnits) {
            double u = rng.nextDouble();
            Urgency urgency = u < WAITING_EMERGENCY
                    ? Urgency.EMERGENCY
                    : u < WAITING_EMERGENCY + WAITING_URGENT ? Urgency.URGENT : Urgency.PLANNED;
            LocalDate neededBy = switch (urgency) {
                case EMERGENCY -> REFERENCE_DATE;
                case URGENT -> REFERENCE_DATE.plusDays(rng.nextInt(8));
                case PLANNED -> REFERENCE_DATE.plusDays(14 + rng.nextInt(71));
            };
            for (DraftChild kid : unit.kids()) {
                kid.urgency = urgency;
                kid.neededBy = neededBy;
            }
        }
    }

    // ---- children left without options on purpose ----

    void chooseHard() {
        int waitingChildren = waitingUnits.stream().mapToInt(DraftUnit::size).sum();
        int target = Math.max(1, (int) Math.round(HARD_SHARE * waitingChildren));
        List<DraftUnit> candidates = new ArrayList<>();
        for (DraftUnit unit : waitingUnits) {
            DraftChild kid = unit.first();
            if (unit.size() == 1 && kid.group == null && !kid.sole && !kid.risk) {
                candidates.add(unit);
            }
        }
        shuffle(rng, candidates);
        // Emergencies that already have a need first, then other emergencies, then anyone.
        candidates.sort((a, b) -> Integer.compare(hardRank(a.first()), hardRank(b.first())));
        for (DraftUnit unit : candidates.subList(0, Math.min(target, candidates.size()))) {
            DraftChild kid = unit.first();
            kid.urgency = Urgency.EMERGENCY;
            kid.neededBy = REFERENCE_DATE;
            List<List<String>> combos = new ArrayList<>();
            combos.add(List.of(WHEELCHAIR_ACCESS, DISABILITY_CARE, MEDICAL)); // complex health needs
            if (kid.age >= 8) {
                combos.add(List.of(WHEELCHAIR_ACCESS, DISABILITY_CARE, COMPLEX_BEHAVIOUR));
                combos.add(List.of(COMPLEX_BEHAVIOUR, THERAPEUTIC, MEDICAL));
            }
            if (kid.gender.equals(FEMALE) && kid.age >= 15) {
                combos.add(List.of(PARENT_AND_CHILD, MEDICAL, THERAPEUTIC));
            }
            for (String need : combos.get(rng.nextInt(combos.size()))) {
                kid.addNeed(need);
            }
            kid.hard = true;
            hardUnits.add(unit);
        }
    }

    private static int hardRank(DraftChild kid) {
        if (kid.urgency == Urgency.EMERGENCY) {
            return kid.needs.isEmpty() ? 1 : 0;
        }
        return 2;
    }
}
