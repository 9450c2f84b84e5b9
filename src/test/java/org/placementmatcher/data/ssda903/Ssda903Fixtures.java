package org.placementmatcher.data.ssda903;

/**
 * A small SSDA903 file set (CSV) of real postcodes of the sample geography, on the reference date 2026-11-22: A in
 * a children's home (after a closed foster episode), B and H with one agency's foster household, C with a connected
 * person, D with parents, E with no open episode, F an unaccompanied asylum-seeking child in supported accommodation,
 * G with another council's foster carer.
 */
public final class Ssda903Fixtures {

    private Ssda903Fixtures() {}

    public static final String HEADER = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            A,M,01/02/2012,WBRI,,,
            B,F,03/04/2015,,,,
            C,1,05/06/2010,,,,
            D,2,07/08/2014,,,,
            E,U,09/10/2013,,,,
            F,M,11/12/2009,,,,
            G,F,13/01/2016,,,,
            H,M,14/02/2011,,,,
            """;
    public static final String EPISODES = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A,01/01/2025,S,C2,N1,U4,PR1,01/03/2026,X1,CARPL,CB1 0AA,CB1 0SA,
            A,01/03/2026,P,C2,N1,K2,PR4,,,,CB1 0AA,PE1 1AA,SC123456
            B,01/05/2026,S,C2,N1,U5,PR4,,,,CB1 0BJ,CB1 0DA,SC900001
            C,01/05/2026,S,C2,N1,U2,PR1,,,,CB1 0AA,CB1 0JN,
            D,01/05/2026,S,C2,N1,P1,PR0,,,,CB1 0AA,CB1 0AA,
            E,01/05/2024,S,C2,N1,U4,PR1,01/06/2026,E4A,,CB1 0AA,CB1 0SA,
            F,01/05/2026,S,C2,N1,K3,PR4,,,,CB1 0BJ,CB1 0SA,SC777777
            G,01/09/2026,S,C2,N1,U6,PR2,,,,CB1 0BJ,CB1 0SA,
            H,01/09/2026,S,C2,N1,U4,PR5,,,,CB1 0BJ,CB1 0DA,SC900001
            """;
    public static final String UASC = """
            CHILD,SEX,DOB,DUC
            F,M,11/12/2009,11/12/2027
            """;
}
