package org.placementmatcher.domain;

/**
 * Where a placement lies as seen from the child's responsible authority (docs/contract.md section 8): the one
 * definition of "out of area" that the {@code outOfArea} soft term, the KPIs and the approval level all read.
 * Each child is judged by its own responsible authority, also inside a sibling group that travels as one unit.
 */
public enum PlacementArea {
    /** The provider is in the child's responsible authority. */
    IN_AREA,
    /** Out of area, in an authority adjoining the responsible one. */
    ADJOINING,
    /** Out of area, in an authority that does not adjoin the responsible one. */
    AT_A_DISTANCE;

    public static PlacementArea of(Child child, Provider provider) {
        if (!isOutOfArea(child, provider)) {
            return IN_AREA;
        }
        return child.getAdjoiningAuthorities().contains(provider.getLocalAuthority()) ? ADJOINING : AT_A_DISTANCE;
    }

    /** Out of area: the provider's {@code localAuthority} is not the child's responsible authority. */
    public static boolean isOutOfArea(Child child, Provider provider) {
        return !provider.getLocalAuthority().equals(child.getResponsibleAuthority());
    }
}
